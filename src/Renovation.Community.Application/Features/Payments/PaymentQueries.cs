using Renovation.Community.Application.Common.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Data;
using Renovation.Community.WeChat.Pay;

namespace Renovation.Community.Application.Features.Payments;

public static class PaymentQueries
{
    /// <summary>
    /// The payment's state. While it awaits payment the server asks WeChat (at most every
    /// <see cref="PaymentsOptions.QueryMinIntervalSeconds"/>, across nodes) and applies the answer through the same
    /// exactly-once path as notifications: the mini-program's own "success" is never trusted.
    /// </summary>
    public static async Task<Ok<PaymentView>> GetAsync(Guid id, Access access, AppDbContext db, IServiceProvider services,
        IPaymentSettlement settlement, TimeProvider clock, IOptions<PaymentsOptions> options, ILoggerFactory logs, CancellationToken ct)
    {
        var payment = await PaymentAccess.RequireVisibleAsync(access, db, id, ct);
        if (payment.State == PaymentState.AwaitingPayment && await TakeQuerySlotAsync(db, payment, clock, options.Value, ct))
        {
            try
            {
                var answer = await services.GetRequiredService<IWeChatPayClient>().QueryOrderAsync(payment.OutTradeNo, ct);
                await settlement.ApplyTransactionAsync(answer, SettlementSource.ClientQuery, ct: ct);
            }
            catch (Exception e) when (e is WeChatPayApiException or WeChatPaySignatureException or HttpRequestException or TimeoutException
                                          or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // WeChat is slow or down: answer what we know; the notification or the sweep will settle it.
                logs.CreateLogger(typeof(PaymentQueries)).LogWarning(e, "Order query for {OutTradeNo} failed", payment.OutTradeNo);
            }
            db.ChangeTracker.Clear();
            payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        }
        return TypedResults.Ok(PaymentView.Of(payment, await RefundsOf(db, id, ct)));
    }

    public static async Task<Ok<List<PaymentView>>> MineAsync(Access access, AppDbContext db, CancellationToken ct, int limit = 50)
    {
        var userId = access.UserId;
        var payments = await db.Payments.AsNoTracking().Where(p => p.PayerUserId == userId)
            .OrderByDescending(p => p.CreatedAt).Take(Math.Clamp(limit, 1, 200)).ToListAsync(ct);
        return TypedResults.Ok(payments.Select(p => PaymentView.Of(p)).ToList());
    }

    /// <summary>A community's payments the caller may see: fund money for the committee, service money for the company.</summary>
    public static async Task<Ok<List<PaymentView>>> ForCommunityAsync(Guid communityId, Access access, AppDbContext db,
        CancellationToken ct, PaymentState? state = null, int limit = 100)
    {
        var scope = await access.ScopeAsync(ct);
        var place = await access.FindPlaceAsync(communityId, ct);
        if (place is null || !scope.Allows(Permission.ViewCommunity, place))
            throw AppProblem.NotFound("community_not_found", "小区不存在或不在您的管辖范围内");
        var owners = new List<MoneyOwner>();
        if (scope.Allows(Permission.ViewFundPayments, place))
            owners.Add(MoneyOwner.Owners);
        if (scope.Allows(Permission.ViewServicePayments, place))
            owners.Add(MoneyOwner.PropertyCompany);
        if (owners.Count == 0)
            throw AppProblem.Forbidden();
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.CommunityId == communityId && owners.Contains(p.Owner) && (state == null || p.State == state))
            .OrderByDescending(p => p.CreatedAt).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return TypedResults.Ok(payments.Select(p => PaymentView.Of(p)).ToList());
    }

    internal static async Task<List<RefundView>> RefundsOf(AppDbContext db, Guid paymentId, CancellationToken ct) =>
        (await db.PaymentRefunds.AsNoTracking().Where(r => r.PaymentId == paymentId).OrderBy(r => r.Sequence).ToListAsync(ct))
        .Select(RefundView.Of).ToList();

    /// <summary>One conditional UPDATE decides which poll (on any node) may ask WeChat now.</summary>
    internal static async Task<bool> TakeQuerySlotAsync(AppDbContext db, Payment payment, TimeProvider clock,
        PaymentsOptions options, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = payment.LastQueriedAt;
        if (last is not null && last > now.AddSeconds(-options.QueryMinIntervalSeconds))
            return false;
        var taken = await db.Payments
            .Where(p => p.Id == payment.Id && p.State == PaymentState.AwaitingPayment && p.LastQueriedAt == last)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastQueriedAt, now), ct);
        return taken == 1;
    }
}
