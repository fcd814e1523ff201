namespace Renovation.Community.Application.Common.Payments;

/// <summary>
/// For a purpose that also takes money another way (cash confirmed by the committee): gives up the subject's open
/// WeChat Pay order first, so one share is never charged twice. The order is closed at WeChat or, if WeChat already
/// took the money, credited; the caller's own crediting then sees what is still owed.
/// </summary>
public interface IOpenPayments
{
    Task CloseOpenAsync(string purpose, Guid subjectId, CancellationToken ct);
}
