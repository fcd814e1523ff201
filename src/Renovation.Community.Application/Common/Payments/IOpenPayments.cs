namespace Renovation.Community.Application.Common.Payments;

/// <summary>
/// Ends a subject's open WeChat Pay order through Payments' one "close at WeChat, or credit if already paid" path, for
/// a purpose that must not let WeChat take money any more: before taking money another way (cash confirmed by the
/// committee), or before expiring its subject (a service order's hold is over). WeChat closes the order first, so
/// nobody can pay it afterwards; if WeChat answers that it is already paid (ORDERPAID) the money is credited instead,
/// through the purpose's own <see cref="IPaymentPurpose.OnPaidAsync"/>, which judges it by WeChat's payment time.
/// Both answer true when the money turned out to be there (credited), false when there was nothing to close or it is
/// closed. WeChat refusing or silent throws an <see cref="Errors.AppProblem"/> (502/503): nothing was decided.
/// </summary>
public interface IOpenPayments
{
    /// <summary>Someone gives the order up (recorded as a close).</summary>
    Task<bool> CloseOpenAsync(string purpose, Guid subjectId, CancellationToken ct);

    /// <summary>
    /// The open orders of many subjects given up at once (a campaign closed; recorded as closes). One that WeChat could
    /// not be asked about is left open for the payments sweep, which closes it at its time_expire; answers how many were
    /// left so. Money WeChat takes meanwhile is judged by its payment time, so it is refunded.
    /// </summary>
    Task<int> CloseAllOpenAsync(string purpose, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct);

    /// <summary>A purpose's sweep is about to expire the subject (recorded as the sweep's doing).</summary>
    Task<bool> ExpireOpenAsync(string purpose, Guid subjectId, CancellationToken ct);
}
