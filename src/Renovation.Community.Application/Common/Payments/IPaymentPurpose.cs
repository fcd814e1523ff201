using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Payments;

/// <summary>
/// What a payment pays for. The maintenance fund, paid services and anything later register one each
/// (<see cref="PaymentPurposeRegistration.AddPaymentPurpose{TPurpose}"/>); Features/Payments owns the WeChat order, the
/// notifications, refunds and reconciliation, and calls the purpose only through this contract. A purpose never reads
/// the payments tables and Payments never reads the purpose's.
/// </summary>
public interface IPaymentPurpose
{
    /// <summary>Stable key stored on every payment (lower-case, e.g. <c>fund-top-up</c>); never rename one in use.</summary>
    string Name { get; }

    /// <summary>Per-purpose settings such as how long WeChat keeps the order payable.</summary>
    PaymentPurposeSettings Settings { get; }

    /// <summary>
    /// The server-side price of paying for <paramref name="request"/>.<c>SubjectId</c> now. Checks that the payer may pay
    /// for it and throws an <see cref="Errors.AppProblem"/> (404 when the payer cannot see the subject, 422 when nothing
    /// is owed or the subject takes no money now). The amount never comes from the client.
    /// </summary>
    Task<PaymentQuote> QuoteAsync(PaymentQuoteRequest request, AppDbContext db, CancellationToken ct);

    /// <summary>
    /// Called exactly once per payment, inside the transaction that marks it paid, with the same <paramref name="db"/>:
    /// write the purpose's own effect (a ledger entry, a booked slot) through it and do NOT call SaveChanges or start a
    /// transaction; Payments saves everything together. Return <see cref="PaymentAcceptance.Rejected"/> when the subject
    /// can no longer take the money (campaign closed, slot given away): the payment stays paid, nothing of the purpose
    /// is written, and the money is refunded automatically with the reason shown to the payer. Throwing aborts the
    /// credit; it is retried by the next notification or sweep, so throw only for faults, never for business refusals.
    /// </summary>
    Task<PaymentAcceptance> OnPaidAsync(PaidPayment payment, AppDbContext db, CancellationToken ct);

    /// <summary>
    /// Called once per refund of an ACCEPTED payment, whatever asked for it (staff through <c>/payments</c>, a declined
    /// or cancelled service order, a dispute, a finance officer resolving an incident), inside the transaction that
    /// reserves the refund and BEFORE anything is sent to WeChat (same rules as <see cref="OnPaidAsync"/>): undo the
    /// purpose's effect for the refunded amount, or throw an <see cref="Errors.AppProblem"/> to refuse the refund (then
    /// nothing is reserved and WeChat is never asked). Refunds of rejected payments do not call it (nothing was written).
    /// </summary>
    Task OnRefundingAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// A refund announced by <see cref="OnRefundingAsync"/> ended without moving money (WeChat closed it, or refused it
    /// for good): the amount is refundable again, so restore the purpose's effect, once, in that transaction.
    /// </summary>
    Task OnRefundReleasedAsync(RefundingPayment refund, AppDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Called once per refund of an ACCEPTED payment when WeChat confirms the money reached the payer, inside the
    /// transaction that records it. The effect was already undone by <see cref="OnRefundingAsync"/>; this is news only.
    /// The default does nothing.
    /// </summary>
    Task OnRefundedAsync(RefundedPayment refund, AppDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Per-purpose settings.</summary>
/// <param name="TimeExpire">
/// How long WeChat accepts payment for a new order (sent as <c>time_expire</c>; WeChat allows 1 minute to 90 days),
/// cut short by the quote's <see cref="PaymentQuote.Deadline"/>. After it the sweep closes the order.
/// </param>
public sealed record PaymentPurposeSettings(TimeSpan TimeExpire)
{
    public static readonly TimeSpan MinTimeExpire = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxTimeExpire = TimeSpan.FromDays(90);

    public static PaymentPurposeSettings Default { get; } = new(TimeSpan.FromMinutes(30));
}

/// <summary>The question a purpose answers with a <see cref="PaymentQuote"/>.</summary>
/// <param name="SubjectId">What is paid for (a fund top-up, a service order …), as the purpose understands it.</param>
/// <param name="PayerUserId">The signed-in user who will pay.</param>
public sealed record PaymentQuoteRequest(Guid SubjectId, Guid PayerUserId);

/// <summary>
/// The purpose's answer: how much, what the payer sees, and whose money it is. <see cref="CommunityId"/> and
/// <see cref="Owner"/> decide who may see the payment (the committee of the community for fund money, the property
/// company serving it for service money); streets and the city see both within their scope.
/// </summary>
/// <param name="AmountFen">1 fen or more.</param>
/// <param name="Description">Shown by WeChat (at most 127 characters), e.g. "3栋2单元 维修资金续筹".</param>
/// <param name="Deadline">
/// The subject's own deadline for this money (a service order's hold end, a campaign's last due date), or null when it
/// has none. The WeChat order expires then (<c>time_expire</c>) when that is sooner than
/// <see cref="PaymentPurposeSettings.TimeExpire"/>, so WeChat never takes money the subject can no longer accept. The
/// purpose judges money against the same deadline by WeChat's payment time (<see cref="PaidPayment.PaidAt"/>).
/// </param>
public sealed record PaymentQuote(long AmountFen, string Description, Guid CommunityId, MoneyOwner Owner,
    DateTimeOffset? Deadline = null);

/// <summary>Whose money a payment is.</summary>
public enum MoneyOwner
{
    /// <summary>Owners' money (maintenance fund and other common funds): the owners' committee accounts for it.</summary>
    Owners = 0,
    /// <summary>The property company's revenue (paid services): its staff account for it.</summary>
    PropertyCompany = 1,
}

/// <summary>A payment at the moment it is credited.</summary>
/// <param name="PaidAt">
/// When WeChat took the money (its <c>success_time</c>), not when we heard of it: a notification may arrive long after.
/// A purpose judges its deadline by this time, so a payment made in time is honoured however late the news is.
/// </param>
public sealed record PaidPayment(
    Guid PaymentId,
    string OutTradeNo,
    string Purpose,
    Guid SubjectId,
    Guid PayerUserId,
    Guid CommunityId,
    long AmountFen,
    string TransactionId,
    DateTimeOffset PaidAt);

/// <summary>A refund of an accepted payment at the moment it is reserved (or released).</summary>
/// <param name="RefundFen">This refund.</param>
/// <param name="RefundedSoFarFen">All refunds of the payment not closed or failed, this one included (when reserving) or
/// excluded (when released): <c>== PaidFen</c> means nothing of the payment is left.</param>
/// <param name="RequestedBy">The staff member or officer who asked, or null for a purpose's own or automatic refund.</param>
/// <param name="OverrideReason">
/// Set only when the payment is owners' money and a committee chair of its community explicitly overrode a purpose's
/// refusal (e.g. the fund's "the household's balance no longer holds this money"), with the reason recorded on the
/// refund (audited). Purposes that have nothing to override ignore it.
/// </param>
public sealed record RefundingPayment(
    Guid PaymentId,
    Guid RefundId,
    string Purpose,
    Guid SubjectId,
    Guid PayerUserId,
    Guid CommunityId,
    long PaidFen,
    long RefundFen,
    long RefundedSoFarFen,
    Guid? RequestedBy,
    string? OverrideReason,
    DateTimeOffset At);

/// <summary>A succeeded refund of an accepted payment.</summary>
public sealed record RefundedPayment(
    Guid PaymentId,
    Guid RefundId,
    string Purpose,
    Guid SubjectId,
    Guid PayerUserId,
    Guid CommunityId,
    long RefundFen,
    long RefundedSoFarFen,
    DateTimeOffset SucceededAt);

/// <summary>The purpose's answer to money that arrived.</summary>
public sealed record PaymentAcceptance
{
    private PaymentAcceptance(bool accepted, string? reason)
    {
        IsAccepted = accepted;
        RejectionReason = reason;
    }

    public bool IsAccepted { get; }

    /// <summary>Chinese, shown to the payer with the automatic refund (e.g. "该续筹活动已结束").</summary>
    public string? RejectionReason { get; }

    public static PaymentAcceptance Accepted { get; } = new(true, null);

    public static PaymentAcceptance Rejected(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("A rejection needs a reason for the payer.", nameof(reason))
            : new(false, reason);
}
