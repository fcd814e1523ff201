using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Notices;

public sealed record RecordConsentRequest(string TemplateId, ConsentResult Result) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(TemplateId, "templateId", "模板 ID", 64);
        if (!Enum.IsDefined(Result))
            v.Add("result", "result 应为 accept、reject 或 ban");
    }
}

public sealed record ConsentView(string TemplateId, int Remaining, bool Banned);

public sealed record SubscribeTemplateView(string EventKind, string TemplateId);

/// <summary>What the mini-program reports after <c>wx.requestSubscribeMessage</c>.</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/subscriptions").WithTags("Notices");
        group.MapGet("/templates", Templates).WithName("SubscribeTemplates")
            .WithSummary("Template ids to pass to wx.requestSubscribeMessage, by event kind")
            .WithDescription("The subscribe-message template ids configured on the server, keyed by event kind, to pass to wx.requestSubscribeMessage.");
        group.MapPost("/", RecordAsync).WithName("RecordSubscribeConsent")
            .WithSummary("Record one answer of wx.requestSubscribeMessage: accept adds one message, ban stops them")
            .WithDescription("Records the user's answer for one template: Accept allows one more message, Ban stops all messages of that template, Reject changes nothing. Answers that arrive together are all counted. 422 unknown_template for a template the server does not use.");
        group.MapGet("/", MineAsync).WithName("MySubscribeConsents")
            .WithSummary("My subscribe-message consents")
            .WithDescription("For each template the caller answered: how many messages may still be sent and whether the caller banned it.");
        return api;
    }

    private static Ok<List<SubscribeTemplateView>> Templates(IOptions<NotificationOptions> options) =>
        TypedResults.Ok(options.Value.Templates.Select(t => new SubscribeTemplateView(t.Key, t.Value.TemplateId)).ToList());

    private static async Task<Ok<ConsentView>> RecordAsync(RecordConsentRequest request, Access access, AppDbContext db,
        IOptions<NotificationOptions> options, SimulatorConsentRelay simulator, TimeProvider clock, CancellationToken ct)
    {
        var userId = access.UserId;
        var templateId = request.TemplateId.Trim();
        if (!options.Value.Templates.Values.Any(t => t.TemplateId == templateId))
            throw new DomainRuleViolation("unknown_template", "不支持该订阅消息模板");
        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            // One statement each, so two answers arriving together both count.
            var changed = request.Result switch
            {
                ConsentResult.Accept => await db.SubscriptionConsents.Where(c => c.UserId == userId && c.TemplateId == templateId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Remaining, c => c.Remaining + 1)
                        .SetProperty(c => c.Banned, false).SetProperty(c => c.UpdatedAt, now), ct),
                ConsentResult.Ban => await db.SubscriptionConsents.Where(c => c.UserId == userId && c.TemplateId == templateId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Remaining, 0)
                        .SetProperty(c => c.Banned, true).SetProperty(c => c.UpdatedAt, now), ct),
                // A rejection grants nothing and takes back nothing already granted.
                _ => await db.SubscriptionConsents.CountAsync(c => c.UserId == userId && c.TemplateId == templateId, ct),
            };
            if (changed > 0 || request.Result == ConsentResult.Reject)
                break;
            db.SubscriptionConsents.Add(new SubscriptionConsent(userId, templateId, now));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueViolation.IsUniqueViolation(e) && attempt < 2)
            {
                db.ChangeTracker.Clear();
            }
        }
        var row = await db.SubscriptionConsents.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId && c.TemplateId == templateId, ct);
        var openId = await db.Users.Where(u => u.Id == userId).Select(u => u.OpenId).SingleAsync(ct);
        await simulator.RelayAsync(openId, templateId, request.Result, ct);
        return TypedResults.Ok(new ConsentView(templateId, row?.Remaining ?? 0, row?.Banned ?? false));
    }

    private static async Task<Ok<List<ConsentView>>> MineAsync(Access access, AppDbContext db, CancellationToken ct)
    {
        var userId = access.UserId;
        var rows = await db.SubscriptionConsents.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.TemplateId)
            .Select(c => new ConsentView(c.TemplateId, c.Remaining, c.Banned)).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
