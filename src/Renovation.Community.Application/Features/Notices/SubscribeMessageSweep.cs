using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.WeChat.MiniProgram.SubscribeMessages;
using Renovation.Community.WeChat.MiniProgram;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Notices;

/// <summary>
/// WeChat subscribe messages for outbox events that have a template (<c>Notifications:Templates</c>).
/// <para>Plan: reads dispatched events after its cursor (sequences are gap-free in commit order, so nothing is
/// skipped) and adds one <see cref="SubscribeDelivery"/> per consenting resident of the audience; the unique index on
/// event and user makes a second plan a no-op.</para>
/// <para>Send: claims a due row (Pending → Sending), uses up one consent, calls WeChat. Transient failures give the
/// consent back and retry with exponential backoff; 43101 records "no consent"; a crash after the claim leaves the
/// row in Sending, so a message is sent at most once.</para>
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SubscribeMessageSweep(AppDbContext db, IMiniProgramClient wechat, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<SubscribeMessageSweep> logger) : IJob
{
    public const string CursorName = "subscribe-messages";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(context.JobDetail.Key.Name);
        if (options.Value.Templates.Count == 0)
            return;
        while (await PlanAsync(ct))
        {
        }
        await SendDueAsync(ct);
    }

    private async Task<bool> PlanAsync(CancellationToken ct)
    {
        var templates = options.Value.Templates;
        var kinds = templates.Keys.ToList();
        return await db.InTransactionAsync(async innerCt =>
        {
            var cursor = await db.OutboxCursors.SingleOrDefaultAsync(c => c.Name == CursorName, innerCt);
            if (cursor is null)
                db.OutboxCursors.Add(cursor = new OutboxCursor(CursorName));
            var after = cursor.LastSequence;
            var events = await db.OutboxEvents.AsNoTracking()
                .Where(e => e.Sequence > after && kinds.Contains(e.Kind))
                .OrderBy(e => e.Sequence).Take(100).ToListAsync(innerCt);
            var now = clock.GetUtcNow();
            foreach (var e in events)
            {
                var templateId = templates[e.Kind].TemplateId;
                var users = AudienceUsers(e.Audience);
                if (users is null)
                    continue;
                var consenting = await db.SubscriptionConsents
                    .Where(c => c.TemplateId == templateId && c.Remaining > 0 && !c.Banned && users.Contains(c.UserId))
                    .Select(c => c.UserId).Distinct().ToListAsync(innerCt);
                var already = await db.SubscribeDeliveries.Where(d => d.EventId == e.EventId).Select(d => d.UserId).ToListAsync(innerCt);
                var subject = SubjectOf(e.PayloadJson);
                foreach (var userId in consenting.Except(already))
                    db.SubscribeDeliveries.Add(new SubscribeDelivery(e.EventId, e.Kind, subject, userId, templateId, now));
                cursor.MoveTo(e.Sequence!.Value);
            }
            await db.SaveChangesAsync(innerCt);
            return events.Count == 100;
        }, ct);
    }

    /// <summary>The residents an audience reaches, as a query (staff role groups get no subscribe messages).</summary>
    private IQueryable<Guid>? AudienceUsers(string audience)
    {
        if (!Audience.TryParse(audience, out var target) || target.Id is not { } id)
            return null;
        return target.Kind switch
        {
            AudienceKind.User => db.Users.Where(u => u.Id == id).Select(u => u.Id),
            AudienceKind.Unit => db.UsersActingFor(id),
            AudienceKind.Building => NoticeAccess.Residents(db, NoticeTargetKind.Building, id),
            AudienceKind.Community => NoticeAccess.Residents(db, NoticeTargetKind.Community, id),
            AudienceKind.Street => NoticeAccess.Residents(db, NoticeTargetKind.Street, id),
            _ => null,
        };
    }

    private static Guid? SubjectOf(string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        return doc.RootElement.TryGetProperty("noticeId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
    }

    private async Task SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var due = await db.SubscribeDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(settings.BatchSize).ToListAsync(ct);
        foreach (var d in due)
        {
            try
            {
                await SendOneAsync(d, settings, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Subscribe message {DeliveryId} could not be handled", d.Id);
            }
        }
    }

    private async Task SendOneAsync(SubscribeDelivery d, NotificationOptions settings, CancellationToken ct)
    {
        var claimed = await db.SubscribeDeliveries.Where(x => x.Id == d.Id && x.State == DeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, DeliveryState.Sending).SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
        if (claimed == 0)
            return;
        var attempts = d.Attempts + 1;
        var used = await db.SubscriptionConsents
            .Where(c => c.UserId == d.UserId && c.TemplateId == d.TemplateId && c.Remaining > 0 && !c.Banned)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Remaining, c => c.Remaining - 1), ct);
        if (used == 0)
        {
            await FinishAsync(d.Id, DeliveryState.NoConsent, "no consent left", ct);
            return;
        }

        var openId = await db.Users.Where(u => u.Id == d.UserId).Select(u => u.OpenId).SingleAsync(ct);
        var payload = await db.OutboxEvents.Where(e => e.EventId == d.EventId).Select(e => e.PayloadJson).SingleAsync(ct);
        var template = settings.Templates[d.Kind];
        string? error;
        try
        {
            var message = Compose(openId, template, payload) with { MiniProgramState = settings.MiniProgramState };
            var outcome = await wechat.SendSubscribeMessageAsync(message, SubscribeValuePolicy.TruncateText, ct);
            if (outcome == SubscribeMessageOutcome.Sent)
            {
                await db.SubscribeDeliveries.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.State, DeliveryState.Sent).SetProperty(x => x.SentAt, clock.GetUtcNow()), ct);
                return;
            }
            // 43101: WeChat holds no consent for this user and template, whatever we counted.
            await db.SubscriptionConsents.Where(c => c.UserId == d.UserId && c.TemplateId == d.TemplateId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Remaining, 0), ct);
            await FinishAsync(d.Id, DeliveryState.NoConsent, "43101 user not subscribed", ct);
            return;
        }
        catch (Exception e) when (IsTransient(e, ct))
        {
            error = e.Message;
        }
        catch (Exception e) when (e is WeChatApiException or SubscribeMessageValueException or KeyNotFoundException or FormatException)
        {
            await GiveBackAsync(d, ct);
            await FinishAsync(d.Id, DeliveryState.Failed, e.Message, ct);
            logger.LogWarning(e, "Subscribe message {DeliveryId} refused; not retried", d.Id);
            return;
        }

        await GiveBackAsync(d, ct);
        if (attempts >= settings.MaxAttempts)
        {
            await FinishAsync(d.Id, DeliveryState.Failed, error, ct);
            return;
        }
        var next = clock.GetUtcNow().AddSeconds(settings.RetryBaseSeconds * Math.Pow(2, attempts - 1));
        await db.SubscribeDeliveries.Where(x => x.Id == d.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, DeliveryState.Pending).SetProperty(x => x.NextAttemptAt, next)
            .SetProperty(x => x.LastError, Cut(error)), ct);
    }

    private static bool IsTransient(Exception e, CancellationToken ct) => e switch
    {
        WeChatApiException w => w.ErrCode is WeChatErrorCodes.SystemBusy or WeChatErrorCodes.RateLimited,
        HttpRequestException => true,
        TimeoutException => true,
        Polly.Timeout.TimeoutRejectedException => true,
        OperationCanceledException => !ct.IsCancellationRequested,
        _ => false,
    };

    private Task GiveBackAsync(SubscribeDelivery d, CancellationToken ct) =>
        db.SubscriptionConsents.Where(c => c.UserId == d.UserId && c.TemplateId == d.TemplateId && !c.Banned)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Remaining, c => c.Remaining + 1), ct);

    private Task FinishAsync(Guid id, DeliveryState state, string? error, CancellationToken ct) =>
        db.SubscribeDeliveries.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.State, state).SetProperty(x => x.LastError, Cut(error)), ct);

    private static string? Cut(string? text) => text is { Length: > 500 } ? text[..500] : text;

    /// <summary>Fills the template's field patterns from the event payload.</summary>
    public static SubscribeMessage Compose(string openId, SubscribeTemplate template, string payloadJson)
    {
        using var doc = JsonDocument.Parse(payloadJson);
        var root = doc.RootElement;
        string Fill(string pattern) => Placeholder().Replace(pattern, m =>
        {
            var name = m.Groups["name"].Value;
            var format = m.Groups["format"].Value;
            var property = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                return "";
            var value = property.Value;
            if (format is "time" or "date" && value.TryGetDateTimeOffset(out var at))
            {
                var local = at.ToChina();
                return format == "time"
                    ? local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
                    : local.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
            }
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        });
        var data = template.Fields.ToDictionary(f => f.Key, f => Fill(f.Value), StringComparer.Ordinal);
        return new SubscribeMessage(openId, template.TemplateId, data) { Page = template.Page is null ? null : Fill(template.Page) };
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:(?<format>time|date))?\}")]
    private static partial Regex Placeholder();
}
