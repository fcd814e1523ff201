using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Payments;

public enum PaymentIncidentState
{
    Open = 0,
    Resolved = 1,
}

public sealed record PaymentIncidentView(Guid Id, PaymentIncidentKind Kind, PaymentIncidentState State, string Reference, Guid? PaymentId,
    Guid? CommunityId, long? ExpectedFen, long? ReportedFen, string Detail, string? NotificationId, DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt, Guid? ResolvedBy, string? ResolutionNote);

/// <summary>How a finance officer settled an incident (退款单号, 商户平台 findings …).</summary>
/// <param name="RefundFen">Optional: resolve by refunding this much of the incident's payment through WeChat Pay.</param>
public sealed record ResolveIncidentRequest(string Note, long? RefundFen = null) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Note, "note", "处理说明", PaymentIncident.MaxDetail);
        if (RefundFen is { } fen)
            v.Range(fen, 1, long.MaxValue, "refundFen", "退款金额必须大于零");
    }
}

/// <summary>
/// Payment incidents (money WeChat reported that we did not credit, refunds that need a person …) for the merchant
/// account's finance officers and city-wide admins: listed newest first, resolved once with a note (audited).
/// </summary>
public static class PaymentIncidentsApi
{
    public static RouteGroupBuilder MapPaymentIncidentsApi(this RouteGroupBuilder api)
    {
        var incidents = api.MapGroup("/payments/incidents").WithTags("Payments");
        incidents.MapGet("/", ListAsync).WithName("ListPaymentIncidents")
            .WithSummary("Payment incidents, newest first (finance officers, city-wide admins)")
            .WithDescription("Paged (page, pageSize ≤ 100). Filters: kind (UnknownOrder, WrongAmount, WrongMerchant, PaidAfterClose, " +
                "RejectedByPurpose, RefundAbnormal, RefundMismatch), state (Open, Resolved) and communityId (incidents about an " +
                "order we never issued have no community and are left out by this filter).");
        incidents.MapPost("/{id:guid}/resolve", ResolveAsync).WithName("ResolvePaymentIncident")
            .WithSummary("Resolve a payment incident with a note; final (finance officers, city-wide admins)")
            .WithDescription("Records who resolved it, when and how. Resolving an incident that is already resolved answers 409 " +
                "incident_already_resolved; of concurrent resolutions the database lets exactly one through.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>Finance officers, and city-wide admins (who appoint them); the incidents concern the merchant account.</summary>
    internal static async Task RequireFinanceAsync(Access access, CancellationToken ct)
    {
        var scope = await access.ScopeAsync(ct);
        if (!scope.Grants.Any(g => g.Role == Role.FinanceOfficer || (g.Role == Role.CityAdmin && g.ScopeId is null)))
            throw AppProblem.Forbidden();
    }

    private static async Task<Ok<Page<PaymentIncidentView>>> ListAsync(PaymentIncidentKind? kind, PaymentIncidentState? state, Guid? communityId,
        [AsParameters] PageRequest paging, Access access, AppDbContext db, CancellationToken ct)
    {
        await RequireFinanceAsync(access, ct);
        var query = db.PaymentIncidents.AsNoTracking();
        if (kind is not null)
            query = query.Where(i => i.Kind == kind);
        if (state == PaymentIncidentState.Open)
            query = query.Where(i => i.ResolvedAt == null);
        else if (state == PaymentIncidentState.Resolved)
            query = query.Where(i => i.ResolvedAt != null);
        if (communityId is not null)
            query = query.Where(i => i.CommunityId == communityId);
        var page = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).ToPageAsync(paging, ct);
        return TypedResults.Ok(new Page<PaymentIncidentView>(page.Items.Select(View).ToList(), page.PageNumber, page.PageSize, page.Total));
    }

    /// <summary>
    /// Resolves an incident, optionally with a refund of its payment: reserved in the resolution's transaction through
    /// <see cref="RefundReservation"/> (caps, and the purpose told, which may refuse), sent to WeChat after the commit.
    /// </summary>
    private static async Task<Ok<PaymentIncidentView>> ResolveAsync(Guid id, ResolveIncidentRequest request, Access access, AppDbContext db,
        IPaymentPurposes purposes, EventOutbox outbox, PaymentRefunder refunder, TimeProvider clock, CancellationToken ct)
    {
        await RequireFinanceAsync(access, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (view, refundId) = await db.InTransactionAsync(async c =>
                {
                    var now = clock.GetUtcNow();
                    var incident = await db.PaymentIncidents.SingleOrDefaultAsync(i => i.Id == id, c)
                        ?? throw AppProblem.NotFound("incident_not_found", "支付异常记录不存在");
                    incident.Resolve(access.UserId, request.Note, now);
                    Guid? refundId = null;
                    if (request.RefundFen is { } fen)
                    {
                        var payment = incident.PaymentId is { } paymentId
                            ? await db.Payments.ForUpdate().SingleOrDefaultAsync(p => p.Id == paymentId, c) : null;
                        if (payment is null)
                            throw new DomainRuleViolation("incident_has_no_payment", "该异常没有对应的支付单，请在商户平台处理退款");
                        var reason = $"支付异常处理退款：{request.Note}";
                        refundId = (await RefundReservation.ReserveAsync(payment, fen, reason, RefundOrigin.Manual, access.UserId,
                            $"incident:{incident.Id}", null, db, purposes, outbox, now, c)).Id;
                    }
                    await db.SaveChangesAsync(c);
                    return (View(incident), refundId);
                }, ct);
                if (refundId is { } sent)
                    await refunder.SendAsync(sent, ct);
                return TypedResults.Ok(view);
            }
            catch (DbUpdateException e) when (attempt < 5 && RaceLoser.IsLostRace(e))
            {
                // Another officer resolved it, or another refund moved the payment: replay (a resolved incident answers 409).
            }
        }
    }

    private static PaymentIncidentView View(PaymentIncident i) => new(i.Id, i.Kind,
        i.IsResolved ? PaymentIncidentState.Resolved : PaymentIncidentState.Open, i.Reference, i.PaymentId, i.CommunityId, i.ExpectedFen,
        i.ReportedFen, i.Detail, i.NotificationId, i.CreatedAt, i.ResolvedAt, i.ResolvedBy, i.ResolutionNote);
}
