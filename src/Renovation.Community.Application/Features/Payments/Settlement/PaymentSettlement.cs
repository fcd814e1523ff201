using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Observability;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Configuration;
using Renovation.Community.WeChat.Pay.Orders;
using Renovation.Community.WeChat.Pay.Refunds;

namespace Renovation.Community.Application.Features.Payments;

/// <summary>
/// The one place WeChat's word moves money on our side. Each call is one transaction: read the payment, decide, move
/// it, let the purpose write its effect, add the events and incidents, keep the notification, and save with the
/// payment's concurrency token in the WHERE clause. When two callers race, the database lets one UPDATE through; the
/// other's transaction rolls back (its purpose writes included) and the call is replayed, now finding the payment
/// already moved. That is the whole exactly-once rule; nothing else checks it.
/// </summary>
public sealed class PaymentSettlement(AppDbContext db, IPaymentPurposes purposes, EventOutbox outbox, TimeProvider clock,
    IOptions<WeChatOptions> wechat, IOptions<PaymentsOptions> options, ProductMetrics metrics) : IPaymentSettlement
{
    private const int MaxReplays = 8;

    /// <summary>What the current attempt credited, counted once its transaction has committed.</summary>
    private Credit? _credited;

    private sealed record Credit(string Purpose, SettlementSource Source, string? RefusedBecause);

    public Task<SettlementOutcome> ApplyTransactionAsync(PayTransaction transaction, SettlementSource source,
        string? notificationId = null, CancellationToken ct = default) =>
        ReplayOnConflictAsync(c => ApplyTransactionOnceAsync(transaction, source, notificationId, c), null, ct);

    public Task<SettlementOutcome> ApplyRefundAsync(PayRefund refund, SettlementSource source,
        string? notificationId = null, CancellationToken ct = default) =>
        ReplayOnConflictAsync(c => ApplyRefundOnceAsync(refund, notificationId, c), null, ct);

    /// <summary>
    /// WeChat refused a refund for good: it fails, its amount is released from the payment's refunded sum in the same
    /// transaction (so a new refund may be requested) and the payer is told why.
    /// </summary>
    public Task<SettlementOutcome> ApplyRefundRefusalAsync(Guid refundId, string error, CancellationToken ct = default) =>
        ReplayOnConflictAsync(async c =>
        {
            var now = clock.GetUtcNow();
            var refund = await db.PaymentRefunds.SingleAsync(r => r.Id == refundId, c);
            var payment = await db.Payments.SingleAsync(p => p.Id == refund.PaymentId, c);
            if (!refund.Refused(error, now))
                return (SettlementOutcome.AlreadyApplied, payment.Id);
            payment.RefundRefused(refund.AmountFen, now);
            await RefundReservation.ReleasedAsync(payment, refund, db, purposes, now, c);
            PaymentEvents.Emit(outbox, PaymentEvents.RefundFailed, payment, refund);
            return (SettlementOutcome.RefundMoved, payment.Id);
        }, null, ct);

    /// <summary>A verified notification: applied and kept in the same transaction.</summary>
    /// <param name="refundMchId">The mchid of a refund notification (refund call answers carry none).</param>
    internal Task<SettlementOutcome> ApplyNotificationAsync(PaymentNotificationRecord record, PayTransaction? transaction,
        PayRefund? refund, string? refundMchId, CancellationToken ct) =>
        ReplayOnConflictAsync(c => transaction is not null
            ? ApplyTransactionOnceAsync(transaction, SettlementSource.Notification, record.NotificationId, c)
            : refund is not null ? ApplyRefundOnceAsync(refund, record.NotificationId, c, refundMchId ?? "")
            : Task.FromResult<(SettlementOutcome, Guid?)>((SettlementOutcome.NoChange, null)), record, ct);

    private async Task<SettlementOutcome> ReplayOnConflictAsync(
        Func<CancellationToken, Task<(SettlementOutcome Outcome, Guid? PaymentId)>> apply, PaymentNotificationRecord? record,
        CancellationToken ct)
    {
        // A failed save rolls the whole transaction back and replays it, so EF's automatic savepoint around SaveChanges
        // (a SAVEPOINT and a RELEASE: two more round trips per settle) would never be used. Restored for the rest of the scope.
        var savepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            return await ReplayAsync();
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = savepoints;
        }

        async Task<SettlementOutcome> ReplayAsync()
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var settled = await db.InTransactionAsync(async c =>
                    {
                        _credited = null;
                        var (outcome, paymentId) = await apply(c);
                        if (record is not null)
                        {
                            record.Record(ToNotificationOutcome(outcome), paymentId);
                            db.PaymentNotifications.Add(record);
                        }
                        await db.SaveChangesAsync(c);
                        return outcome;
                    }, ct);
                    Count(_credited);
                    return settled;
                }
                catch (DbUpdateException e) when (attempt < MaxReplays && (e is DbUpdateConcurrencyException || UniqueViolation.IsUniqueViolation(e)))
                {
                    // Another notification, poll or sweep moved the payment between our read and our write: read again.
                }
            }
        }
    }

    private async Task<(SettlementOutcome, Guid?)> ApplyTransactionOnceAsync(PayTransaction tx, SettlementSource source,
        string? notificationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reportedFen = tx.Amount?.TotalFen;
        if (tx.MchId != wechat.Value.Pay.MchId || tx.AppId != wechat.Value.MiniProgram.AppId)
        {
            await RecordIncidentAsync(PaymentIncidentKind.WrongMerchant, tx.OutTradeNo, null, null, null, reportedFen,
                $"mchid {tx.MchId} / appid {tx.AppId} are not ours", notificationId, ct);
            return (SettlementOutcome.Incident, null);
        }
        var payment = await LoadForUpdateAsync(tx.OutTradeNo, ct);
        if (payment is null)
        {
            await RecordIncidentAsync(PaymentIncidentKind.UnknownOrder, tx.OutTradeNo, null, null, null, reportedFen,
                $"WeChat reports {tx.TradeState} for an order we never issued", notificationId, ct);
            return (SettlementOutcome.Incident, null);
        }
        switch (tx.TradeState)
        {
            case TradeStates.Success or TradeStates.Refund:
                return (await CreditAsync(payment, tx, source, notificationId, now, ct), payment.Id);
            case TradeStates.Closed or TradeStates.Revoked when payment.IsOpen:
                payment.Close(source, now);
                PaymentEvents.Emit(outbox, PaymentEvents.Closed, payment);
                return (SettlementOutcome.Closed, payment.Id);
            case TradeStates.PayError when payment.IsOpen:
                payment.Fail(tx.TradeStateDesc ?? TradeStates.PayError, source, now);
                PaymentEvents.Emit(outbox, PaymentEvents.Failed, payment);
                return (SettlementOutcome.Failed, payment.Id);
            default:
                return (SettlementOutcome.NoChange, payment.Id);
        }
    }

    private async Task<SettlementOutcome> CreditAsync(Payment payment, PayTransaction tx, SettlementSource source,
        string? notificationId, DateTimeOffset now, CancellationToken ct)
    {
        var reportedFen = tx.Amount?.TotalFen;
        if (reportedFen != payment.AmountFen || string.IsNullOrEmpty(tx.TransactionId))
        {
            await RecordIncidentAsync(PaymentIncidentKind.WrongAmount, payment.OutTradeNo, payment.Id, payment.CommunityId,
                payment.AmountFen, reportedFen, $"WeChat reports {reportedFen} fen paid (transaction {tx.TransactionId}); the order is for {payment.AmountFen} fen",
                notificationId, ct);
            return SettlementOutcome.Incident;
        }
        // Deadlines are judged by WeChat's success_time, never by when its word reached us; every answer WeChat gives for
        // a paid order carries it, the fallback only covers a malformed one.
        var credit = payment.MarkPaid(tx.TransactionId, tx.SuccessTime ?? now, source, now);
        if (credit == PaymentCredit.AlreadyPaid)
            return SettlementOutcome.AlreadyApplied;

        if (credit == PaymentCredit.PaidAfterClose)
        {
            await RecordIncidentAsync(PaymentIncidentKind.PaidAfterClose, payment.OutTradeNo, payment.Id, payment.CommunityId,
                payment.AmountFen, reportedFen, "Paid after the order was closed; refunded in full", notificationId, ct);
        }
        else if (!purposes.TryGet(payment.Purpose, out var purpose))
        {
            payment.Reject("该支付用途已停用，款项将原路退回");
        }
        else
        {
            var acceptance = await purpose.OnPaidAsync(new PaidPayment(payment.Id, payment.OutTradeNo, payment.Purpose,
                payment.SubjectId, payment.PayerUserId, payment.CommunityId, payment.AmountFen, tx.TransactionId,
                payment.PaidAt!.Value), db, ct);
            if (acceptance.IsAccepted)
                payment.Accept();
            else
            {
                payment.Reject(acceptance.RejectionReason!);
                await RecordIncidentAsync(PaymentIncidentKind.RejectedByPurpose, payment.OutTradeNo, payment.Id,
                    payment.CommunityId, payment.AmountFen, reportedFen, acceptance.RejectionReason!, notificationId, ct);
            }
        }

        PaymentEvents.Emit(outbox, PaymentEvents.Paid, payment);
        _credited = new Credit(payment.Purpose, source, payment.Acceptance != PaymentAcceptanceState.Rejected ? null
            : credit == PaymentCredit.PaidAfterClose ? "paid_after_close"
            : purposes.TryGet(payment.Purpose, out _) ? "rejected_by_purpose" : "purpose_retired");
        if (payment.Acceptance == PaymentAcceptanceState.Rejected)
        {
            // The refund is reserved here, in the credit's transaction, so it cannot be forgotten; the sweep sends it.
            PaymentEvents.Emit(outbox, PaymentEvents.Rejected, payment);
            await RefundReservation.ReserveAsync(payment, payment.AmountFen, payment.RejectionReason!, RefundOrigin.Automatic, null,
                null, null, db, purposes, outbox, now, ct);
        }
        return SettlementOutcome.Credited;
    }

    private async Task<(SettlementOutcome, Guid?)> ApplyRefundOnceAsync(PayRefund answer, string? notificationId, CancellationToken ct,
        string? notifiedMchId = null)
    {
        var now = clock.GetUtcNow();
        if (notifiedMchId is not null && notifiedMchId != wechat.Value.Pay.MchId)
        {
            // Signed with our platform key yet naming another merchant: not ours to act on.
            await RecordIncidentAsync(PaymentIncidentKind.WrongMerchant, answer.OutRefundNo, null, null, null,
                answer.Amount?.RefundFen, $"refund notification mchid {notifiedMchId} is not ours", notificationId, ct);
            return (SettlementOutcome.Incident, null);
        }
        var refund = await db.PaymentRefunds.SingleOrDefaultAsync(r => r.OutRefundNo == answer.OutRefundNo, ct);
        if (refund is null)
        {
            await RecordIncidentAsync(PaymentIncidentKind.UnknownOrder, answer.OutRefundNo, null, null, null,
                answer.Amount?.RefundFen, $"WeChat reports refund {answer.Status} for a refund we never issued", notificationId, ct);
            return (SettlementOutcome.Incident, null);
        }
        var payment = await db.Payments.SingleAsync(p => p.Id == refund.PaymentId, ct);
        if (answer.Amount is { } amount && amount.RefundFen != refund.AmountFen)
        {
            await RecordIncidentAsync(PaymentIncidentKind.RefundMismatch, refund.OutRefundNo, payment.Id, payment.CommunityId,
                refund.AmountFen, amount.RefundFen, $"WeChat reports refund {amount.RefundFen} fen; we asked for {refund.AmountFen}", notificationId, ct);
            return (SettlementOutcome.Incident, payment.Id);
        }
        var queryAfter = TimeSpan.FromSeconds(options.Value.RefundQueryAfterSeconds);
        var moved = answer.Status switch
        {
            RefundStatuses.Processing => refund.Accepted(answer.RefundId, now, queryAfter),
            RefundStatuses.Success => refund.Settle(RefundState.Succeeded, answer.RefundId, answer.SuccessTime, now),
            RefundStatuses.Closed => refund.Settle(RefundState.Closed, answer.RefundId, null, now),
            RefundStatuses.Abnormal => refund.Settle(RefundState.Abnormal, answer.RefundId, null, now),
            _ => false,
        };
        if (!moved)
            return (SettlementOutcome.AlreadyApplied, payment.Id);

        switch (refund.State)
        {
            case RefundState.Succeeded when payment.Acceptance == PaymentAcceptanceState.Accepted
                                            && purposes.TryGet(payment.Purpose, out var purpose):
                await purpose.OnRefundedAsync(new RefundedPayment(payment.Id, refund.Id, payment.Purpose, payment.SubjectId,
                    payment.PayerUserId, payment.CommunityId, refund.AmountFen, payment.RefundedFen, refund.SucceededAt!.Value), db, ct);
                break;
            case RefundState.Closed:
                payment.ReleaseRefund(refund.AmountFen, now);
                await RefundReservation.ReleasedAsync(payment, refund, db, purposes, now, ct);
                break;
            case RefundState.Abnormal:
                await RecordIncidentAsync(PaymentIncidentKind.RefundAbnormal, refund.OutRefundNo, payment.Id, payment.CommunityId,
                    refund.AmountFen, answer.Amount?.RefundFen, "WeChat could not return the money; handle it in the merchant platform (异常退款)",
                    notificationId, ct);
                break;
        }
        // A refund that settles bumps the payment's version too, so refunds of one payment are serialised with its credit.
        payment.Touched(now);
        PaymentEvents.Emit(outbox, PaymentEvents.ForRefund(refund.State), payment, refund);
        return (SettlementOutcome.RefundMoved, payment.Id);
    }

    /// <summary>
    /// The payment, locked for the rest of the transaction on MariaDB (<c>SELECT … FOR UPDATE</c>, see
    /// <see cref="RowLocks"/>): a second copy of a notification (WeChat sends them in bursts) then waits for the first
    /// to commit and finds the payment paid, instead of doing the whole credit, failing on the version check, rolling
    /// back and replaying. The lock only saves work; the concurrency token still decides. SQLite has one writer at a
    /// time anyway.
    /// </summary>
    private Task<Payment?> LoadForUpdateAsync(string outTradeNo, CancellationToken ct) => PaymentForUpdate(db, outTradeNo, ct);

    // Compiled once: building the LINQ tree and hashing it against EF's query cache on every notification cost about
    // a tenth of the API's CPU under a burst of notifications.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<Payment?>> PaymentForUpdate =
        EF.CompileAsyncQuery((AppDbContext db, string outTradeNo, CancellationToken _) =>
            db.Payments.ForUpdate().FirstOrDefault(p => p.OutTradeNo == outTradeNo));

    /// <summary>One incident per kind and order: WeChat repeats itself, the incident list should not.</summary>
    private async Task RecordIncidentAsync(PaymentIncidentKind kind, string reference, Guid? paymentId, Guid? communityId,
        long? expectedFen, long? reportedFen, string detail, string? notificationId, CancellationToken ct)
    {
        if (await db.PaymentIncidents.AnyAsync(i => i.Kind == kind && i.Reference == reference && i.ReportedFen == reportedFen, ct))
            return;
        db.PaymentIncidents.Add(new PaymentIncident(kind, reference, paymentId, communityId, expectedFen, reportedFen, detail,
            notificationId, clock.GetUtcNow()));
    }

    private void Count(Credit? credit)
    {
        if (credit is null)
            return;
        if (credit.RefusedBecause is null)
            metrics.PaymentSettled(credit.Purpose, credit.Source);
        else
            metrics.PaymentRefused(credit.Purpose, credit.Source, credit.RefusedBecause);
    }

    private static NotificationOutcome ToNotificationOutcome(SettlementOutcome outcome) => outcome switch
    {
        SettlementOutcome.Credited => NotificationOutcome.Credited,
        SettlementOutcome.AlreadyApplied => NotificationOutcome.AlreadyApplied,
        SettlementOutcome.Incident => NotificationOutcome.Incident,
        SettlementOutcome.RefundMoved => NotificationOutcome.RefundSettled,
        _ => NotificationOutcome.Ignored,
    };
}
