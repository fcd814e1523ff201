using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.ContentCheck;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Services;

public sealed record OrderReasonRequest(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "原因", ServiceOrder.MaxReason);
}

public sealed record RateServiceOrderRequest(int Stars, string? Comment) : IValidatable
{
    public void Validate(Validator v) => v.Range(Stars, 1, 5, "stars", "评分应为 1 到 5 星")
        .Text(Comment, "comment", "评价", ServiceOrder.MaxComment, required: false);
}

public sealed record DisputeRequest(string Text) : IValidatable
{
    public void Validate(Validator v) => v.Text(Text, "text", "投诉内容", ServiceDispute.MaxText);
}

/// <param name="RefundFen">Optional: the company settles the complaint by giving back this much of the order's payment.</param>
public sealed record AnswerDisputeRequest(string Text, long? RefundFen = null) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Text, "text", "答复内容", ServiceDispute.MaxText);
        if (RefundFen is { } fen)
            v.Range(fen, 1, long.MaxValue, "refundFen", "退款金额必须大于零");
    }
}

/// <summary>
/// Created → paid → accepted | declined → in service → completed → confirmed → rated; cancel before service. Staff move
/// their company's orders, residents their own; every move goes through <see cref="OrderMoves"/>.
/// </summary>
public static class OrderLifecycle
{
    public static async Task<Ok<ServiceOrderView>> AcceptAsync(Guid id, Access access, OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForStaffAsync(id, access, c),
            (o, now) => o.Accept(access.UserId, now), ServiceEvents.Accepted, ct));

    public static async Task<Ok<ServiceOrderView>> DeclineAsync(Guid id, OrderReasonRequest request, Access access,
        OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForStaffAsync(id, access, c),
            (o, now) => o.Decline(access.UserId, request.Reason, now), ServiceEvents.Declined, ct));

    public static async Task<Ok<ServiceOrderView>> StartAsync(Guid id, Access access, OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForStaffAsync(id, access, c),
            (o, now) => o.Start(now), ServiceEvents.Started, ct));

    public static async Task<Ok<ServiceOrderView>> CompleteAsync(Guid id, Access access, OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForStaffAsync(id, access, c),
            (o, now) => o.Complete(now), ServiceEvents.Completed, ct));

    public static async Task<Ok<ServiceOrderView>> CancelAsync(Guid id, OrderReasonRequest request, Access access,
        OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForResidentAsync(id, access, c),
            (o, now) => o.Cancel(request.Reason, now), ServiceEvents.Cancelled, ct));

    public static async Task<Ok<ServiceOrderView>> ConfirmAsync(Guid id, Access access, OrderMoves moves, CancellationToken ct) =>
        TypedResults.Ok(await moves.MoveAsync((db, c) => db.LoadOrderForResidentAsync(id, access, c),
            (o, now) => o.Confirm(automatically: false, now), ServiceEvents.Confirmed, ct));

    /// <summary>Only the resident who ordered may rate; the comment goes through the content check first.</summary>
    public static async Task<Ok<ServiceOrderView>> RateAsync(Guid id, RateServiceOrderRequest request, Access access,
        AppDbContext db, OrderMoves moves, IContentCheck contentCheck, CancellationToken ct)
    {
        await db.LoadOrderForResidentAsync(id, access, ct);
        await RequireCleanAsync(contentCheck, request.Comment, access.UserId, ct);
        return TypedResults.Ok(await moves.MoveAsync((d, c) => d.LoadOrderForResidentAsync(id, access, c),
            (o, now) => o.Rate(request.Stars, request.Comment, now), ServiceEvents.Rated, ct));
    }

    /// <summary>One complaint per order (unique index), within <c>Services:DisputeDays</c> of completion.</summary>
    public static async Task<Created<ServiceDisputeView>> DisputeAsync(Guid id, DisputeRequest request, Access access,
        AppDbContext db, EventOutbox outbox, IContentCheck contentCheck, IOptions<ServicesOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var order = await db.LoadOrderForResidentAsync(id, access, ct);
        if (order.CompletedAt is not { } completedAt || order.State is not (ServiceOrderState.Completed
                or ServiceOrderState.Confirmed or ServiceOrderState.Rated))
            throw new DomainRuleViolation("order_not_completed", "只能对已完成的订单投诉", StatusCodes.Status409Conflict);
        var now = clock.GetUtcNow();
        if (now > completedAt.AddDays(options.Value.DisputeDays))
            throw new DomainRuleViolation("dispute_window_closed", $"服务完成 {options.Value.DisputeDays} 天后不能再投诉");
        if (await db.ServiceDisputes.AnyAsync(d => d.OrderId == id, ct))
            throw DisputeExists();
        await RequireCleanAsync(contentCheck, request.Text, access.UserId, ct);
        var dispute = new ServiceDispute(order, request.Text, now);
        db.ServiceDisputes.Add(dispute);
        ServiceEvents.Emit(outbox, ServiceEvents.Disputed, order);
        await db.SaveOrAnswerAsync(DisputeExists, ct);
        return TypedResults.Created($"/api/v1/service-orders/{id}", ServiceDisputeView.From(dispute));
    }

    /// <summary>Key of the one refund a complaint may settle with: unique per payment in Payments.</summary>
    public const string DisputeRefundKey = "service-dispute";

    /// <summary>
    /// The company answers a complaint once (the dispute's version token decides between two answers), optionally with
    /// a refund of part or all of the order's payment, reserved in the answer's transaction (so it reaches the order and
    /// the income through the same path as any refund) and sent to WeChat after the commit.
    /// </summary>
    public static async Task<Ok<ServiceDisputeView>> AnswerDisputeAsync(Guid id, AnswerDisputeRequest request, Access access,
        AppDbContext db, EventOutbox outbox, IPaymentRefunds refunds, TimeProvider clock, CancellationToken ct)
    {
        await db.LoadOrderForStaffAsync(id, access, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (view, refundId) = await db.InTransactionAsync(async c =>
                {
                    var order = await db.LoadOrderForStaffAsync(id, access, c);
                    var dispute = await db.ServiceDisputes.SingleOrDefaultAsync(d => d.OrderId == id, c)
                        ?? throw AppProblem.NotFound("dispute_not_found", "该订单没有投诉");
                    dispute.AnswerWith(request.Text, access.UserId, clock.GetUtcNow());
                    Guid? refundId = null;
                    if (request.RefundFen is { } fen)
                        refundId = await refunds.ReserveAsync(ServiceOrderPurpose.PurposeName, order.Id, fen,
                            $"投诉处理退款：{request.Text}", DisputeRefundKey, db, c)
                            ?? throw new DomainRuleViolation("dispute_nothing_to_refund", "该订单已无可退金额");
                    ServiceEvents.Emit(outbox, ServiceEvents.DisputeAnswered, order, dispute.Answer);
                    await db.SaveChangesAsync(c);
                    return (ServiceDisputeView.From(dispute), refundId);
                }, ct);
                if (refundId is { } sent)
                    await refunds.SendAsync(sent, ct);
                return TypedResults.Ok(view);
            }
            catch (DbUpdateException e) when (attempt < 5 && RaceLoser.IsLostRace(e))
            {
                // Another answer, or a refund of the same payment, won: replay (a second answer then gets 409).
            }
        }
    }

    private static AppProblem DisputeExists() => AppProblem.Conflict("dispute_exists", "该订单已投诉过");

    private static async Task RequireCleanAsync(IContentCheck check, string? text, Guid author, CancellationToken ct)
    {
        // Only a risky verdict refuses; "review" (WeChat unsure or unreachable) is accepted, as there is no moderation queue yet.
        if (!string.IsNullOrWhiteSpace(text) && await check.CheckAsync(text, author, ct) == ContentVerdict.Risky)
            throw new DomainRuleViolation("content_risky", "内容含有违规信息，请修改后再提交");
    }
}
