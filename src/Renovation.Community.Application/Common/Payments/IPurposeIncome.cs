namespace Renovation.Community.Application.Common.Payments;

/// <summary>
/// Income of a purpose as Payments knows it: each accepted payment with what its refunds give back. Income views
/// (a company's service income, fund totals) are computed from this, never from a field of the purpose's own subject,
/// so a refund made by any path (staff through <c>/payments</c>, decline, dispute, incident) counts.
/// </summary>
public interface IPurposeIncome
{
    /// <summary>Accepted payments of <paramref name="purpose"/> in the communities, paid in [from, to).</summary>
    Task<IReadOnlyList<PurposePayment>> AcceptedAsync(string purpose, IReadOnlyCollection<Guid> communityIds, DateTimeOffset from,
        DateTimeOffset to, CancellationToken ct);
}

/// <param name="RefundedFen">Refunds not closed or failed (requested, accepted by WeChat, succeeded or abnormal): money
/// that is leaving or left, so it is not income.</param>
public sealed record PurposePayment(Guid PaymentId, Guid SubjectId, Guid CommunityId, DateTimeOffset PaidAt, long AmountFen,
    long RefundedFen)
{
    public long NetFen => AmountFen - RefundedFen;
}
