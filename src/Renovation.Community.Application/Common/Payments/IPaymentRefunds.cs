using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Payments;

/// <summary>
/// Lets a purpose give money back when its subject ends early (a declined or cancelled service order) without reading
/// the payments tables. <see cref="ReserveAsync"/> writes the refund into the caller's unit of work, so it commits with
/// the caller's state change or not at all; <see cref="SendAsync"/> then tells WeChat after the commit (the payments
/// sweep sends any reserved refund that was not sent).
/// </summary>
public interface IPaymentRefunds
{
    /// <summary>
    /// Reserves a refund of the accepted payment of <paramref name="purpose"/> for <paramref name="subjectId"/> through
    /// <paramref name="db"/> (no SaveChanges). <paramref name="key"/> names why (e.g. <c>cancelled</c>): the database
    /// keeps at most one refund per payment and key, so a repeated call can never refund twice. Returns the refund's
    /// id, or null when the subject has no accepted payment (nothing was paid, so nothing is owed).
    /// </summary>
    Task<Guid?> ReserveAsync(string purpose, Guid subjectId, long amountFen, string reason, string key, AppDbContext db,
        CancellationToken ct);

    /// <summary>Sends a refund reserved by <see cref="ReserveAsync"/> once the caller has committed; failures are retried by the sweep.</summary>
    Task SendAsync(Guid refundId, CancellationToken ct);
}
