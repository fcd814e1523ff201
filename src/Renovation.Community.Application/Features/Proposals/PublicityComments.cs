using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.ContentCheck;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Paging;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Projects;

namespace Renovation.Community.Application.Features.Proposals;

public sealed record PostComment(CommentKind Kind, string Text, Guid? UnitId) : IValidatable
{
    public void Validate(Validator v)
    {
        if (!Enum.IsDefined(Kind))
            v.Add("kind", "请选择意见（Comment）或异议（Objection）");
        v.Text(Text, "text", "意见内容", 1000);
    }
}

public sealed record AnswerComment(string Text) : IValidatable
{
    public void Validate(Validator v) => v.Text(Text, "text", "答复内容", 2000);
}

public sealed record ModerateComment([property: Required] bool? Publish) : IValidatable
{
    public void Validate(Validator v)
    {
        if (Publish is null)
            v.Add("publish", "请选择发布或不予发布");
    }
}

/// <summary>
/// Author details are shown to renovation staff and to the author; other residents see the text only.
/// <c>moderationNote</c> tells the author (and staff) why a comment is held or was not published; null when published.
/// </summary>
public sealed record CommentView(Guid Id, Guid PlanId, CommentKind Kind, string Text, Moderation Moderation,
    bool Mine, Guid? AuthorUserId, Guid? UnitId, DateTimeOffset CreatedAt, string? Answer, DateTimeOffset? AnsweredAt,
    HoldReason? HoldReason, string? ModerationNote)
{
    public static CommentView From(PublicityComment c, Guid caller, bool staff)
    {
        var identified = staff || c.AuthorUserId == caller;
        return new(c.Id, c.PlanId, c.Kind, c.Text, c.Moderation, c.AuthorUserId == caller,
            identified ? c.AuthorUserId : null, identified ? c.UnitId : null, c.CreatedAt, c.Answer, c.AnsweredAt,
            identified ? c.HoldReason : null, identified ? NoteOf(c) : null);
    }

    private static string? NoteOf(PublicityComment c) => (c.Moderation, c.HoldReason) switch
    {
        (Moderation.Held, Proposals.HoldReason.CheckUnavailable) =>
            "内容安全检查暂时无法完成，意见已保存；工作人员审核通过后对其他居民公开，目前仅您本人和工作人员可见",
        (Moderation.Held, _) =>
            "内容安全检查提示需人工复核（如含联系方式、交易等信息）；工作人员审核通过后对其他居民公开，目前仅您本人和工作人员可见",
        (Moderation.Rejected, _) => "经工作人员审核，该意见未予公开",
        _ => null,
    };
}

/// <summary>
/// Residents' comments and objections during publicity, checked by <see cref="IContentCheck"/>, and the convener's
/// answers. A post may carry an <c>Idempotency-Key</c> header so a retried request does not publish twice.
/// </summary>
public static partial class PublicityComments
{
    private static AppProblem CommentNotFound() => AppProblem.NotFound("comment_not_found", "意见不存在");

    public static async Task<Results<Created<CommentView>, Ok<CommentView>>> PostAsync(Guid id, PostComment request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Access access, AppDbContext db,
        IContentCheck contentCheck, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (idempotencyKey is not null && !IdempotencyKey().IsMatch(idempotencyKey))
            throw new RequestValidationException(new Dictionary<string, string[]>
                { ["Idempotency-Key"] = ["Idempotency-Key 应为 1 到 64 位字母、数字或 -_.:"] });
        var plan = await db.LoadPlanAsync(id, access, ct);
        var me = access.UserId;
        if (await EarlierPostAsync(db, plan, me, idempotencyKey, ct) is { } earlier)
            return TypedResults.Ok(earlier);

        var units = await access.UnitsInAsync(plan.CommunityId, ct);
        if (units.Count == 0)
            throw new AppProblem(StatusCodes.Status403Forbidden, "not_a_resident", "只有本小区已绑定房屋的业主或住户可以发表意见");
        var unit = request.UnitId is { } unitId
            ? units.FirstOrDefault(u => u.UnitId == unitId)
                ?? throw new AppProblem(StatusCodes.Status403Forbidden, "unit_not_bound", "您未绑定该房屋")
            : units[0];
        var now = clock.GetUtcNow();
        if (!plan.IsOpenForComments(now))
            throw new DomainRuleViolation("publicity_not_open", "方案不在公示期内，不能发表意见", StatusCodes.Status409Conflict);

        var verdict = await contentCheck.CheckAsync(request.Text, me, ct);
        if (verdict == ContentVerdict.Risky)
            throw new DomainRuleViolation("content_risky", "内容含有违规信息，请修改后再提交");
        var comment = new PublicityComment(plan.Id, plan.ProjectId, plan.CommunityId, unit.UnitId, me, request.Kind,
            request.Text, verdict == ContentVerdict.Pass ? Moderation.Published : Moderation.Held, idempotencyKey, now,
            verdict == ContentVerdict.Unavailable ? HoldReason.CheckUnavailable : HoldReason.ContentReview);
        db.PublicityComments.Add(comment);
        var payload = new { commentId = comment.Id, planId = plan.Id, kind = comment.Kind, moderation = comment.Moderation };
        if (comment.Moderation == Moderation.Published)
            outbox.Publish("publicity.comment_posted", plan.CommunityId, plan.StreetId, payload);
        else
        {
            outbox.Add("publicity.comment_held", Audience.User(me), payload);
            outbox.Add("publicity.comment_held", Audience.RoleHolders(Role.StreetOfficer, plan.StreetId), payload);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (idempotencyKey is not null && RaceLoser.IsLostRace(e))
        {
            // A racing retry with the same key committed first: answer with its comment, as a later retry would get.
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await EarlierPostAsync(db, plan, me, idempotencyKey, ct) ?? throw new InvalidOperationException(
                "A unique violation on a comment without an earlier comment of the same key", e));
        }
        return TypedResults.Created($"/api/v1/publicity-comments/{comment.Id}", CommentView.From(comment, me, staff: false));
    }

    /// <summary>The comment an earlier request with the same <c>Idempotency-Key</c> posted, if any.</summary>
    private static async Task<CommentView?> EarlierPostAsync(AppDbContext db, PlanVersion plan, Guid me, string? idempotencyKey,
        CancellationToken ct)
    {
        if (idempotencyKey is null)
            return null;
        var earlier = await db.PublicityComments.AsNoTracking()
            .SingleOrDefaultAsync(c => c.AuthorUserId == me && c.ClientKey == idempotencyKey, ct);
        if (earlier is not null && earlier.PlanId != plan.Id)
            throw AppProblem.Conflict("idempotency_key_reused", "该请求标识已用于其他方案的意见");
        return earlier is null ? null : CommentView.From(earlier, me, staff: false);
    }

    /// <summary>Staff see everything; residents see published comments and their own.</summary>
    public static async Task<Ok<Page<CommentView>>> ListAsync(Guid id, CommentKind? kind, bool? unanswered,
        [AsParameters] PageRequest page, Access access, AppDbContext db, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, access, ct);
        var staff = await access.IsRenovationStaffAsync((await access.FindPlaceAsync(plan.CommunityId, ct))!, ct);
        var me = access.UserId;
        var query = db.PublicityComments.AsNoTracking().Where(c => c.PlanId == id);
        if (!staff)
            query = query.Where(c => c.Moderation == Moderation.Published || c.AuthorUserId == me);
        if (kind is not null)
            query = query.Where(c => c.Kind == kind);
        if (unanswered == true)
            query = query.Where(c => c.AnsweredAt == null && c.Moderation != Moderation.Rejected);
        var result = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<CommentView>(result.Items.Select(c => CommentView.From(c, me, staff)).ToList(),
            result.PageNumber, result.PageSize, result.Total));
    }

    public static async Task<Ok<Page<CommentView>>> MineAsync([AsParameters] PageRequest page, Access access, AppDbContext db,
        CancellationToken ct)
    {
        var me = access.UserId;
        var result = await db.PublicityComments.AsNoTracking().Where(c => c.AuthorUserId == me)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(page, ct);
        return TypedResults.Ok(new Page<CommentView>(result.Items.Select(c => CommentView.From(c, me, staff: false)).ToList(),
            result.PageNumber, result.PageSize, result.Total));
    }

    /// <summary>The convener answers; an objection's answer is what lets the plan leave "awaiting answers".</summary>
    public static async Task<Ok<CommentView>> AnswerAsync(Guid id, AnswerComment request, Access access, AppDbContext db,
        EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var comment = await LoadForConvenerAsync(id, access, db, ct);
        comment.AnswerWith(request.Text, access.UserId, clock.GetUtcNow());
        var payload = new { commentId = id, planId = comment.PlanId, kind = comment.Kind };
        outbox.Add("publicity.comment_answered", Audience.User(comment.AuthorUserId), payload);
        if (comment.Moderation == Moderation.Published)
            outbox.Add("publicity.comment_answered", Audience.Community(comment.CommunityId), payload);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CommentView.From(comment, access.UserId, staff: true));
    }

    public static async Task<Ok<CommentView>> ModerateAsync(Guid id, ModerateComment request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var comment = await LoadForConvenerAsync(id, access, db, ct);
        comment.Moderate(request.Publish!.Value, access.UserId, clock.GetUtcNow());
        var payload = new { commentId = id, planId = comment.PlanId, moderation = comment.Moderation };
        outbox.Add("publicity.comment_moderated", Audience.User(comment.AuthorUserId), payload);
        if (comment.Moderation == Moderation.Published)
            outbox.Add("publicity.comment_posted", Audience.Community(comment.CommunityId), payload);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CommentView.From(comment, access.UserId, staff: true));
    }

    private static async Task<PublicityComment> LoadForConvenerAsync(Guid id, Access access, AppDbContext db, CancellationToken ct)
    {
        var comment = await db.PublicityComments.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw CommentNotFound();
        await access.RequireAnyAsync(comment.CommunityId, CommentNotFound, ct, Permission.ConveneRenovation);
        return comment;
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex IdempotencyKey();
}
