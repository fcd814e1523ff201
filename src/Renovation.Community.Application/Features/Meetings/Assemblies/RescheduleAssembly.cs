using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;
using Renovation.Community.Application.Features.Voting;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record RescheduleAssemblyRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Reason, string? Place) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Reason, "reason", "改期原因", MeetingLimits.Reason).Text(Place, "place", "会议地点", MeetingLimits.Place, required: false);
        if (EndsAt <= StartsAt)
            v.Add("endsAt", "表决截止时间必须晚于开始时间");
    }
}

/// <summary>
/// Moves an owners' assembly before its voting starts. The move is a new notice: owners must again be told the
/// community's assembly notice period (at least 15 days) ahead, counted from today; its items' votes move with it.
/// </summary>
public static class RescheduleAssembly
{
    public static async Task<Ok<AssemblyView>> HandleAsync(Guid assemblyId, RescheduleAssemblyRequest request, Access access,
        AppDbContext db, EventOutbox outbox, VoteConvening votes, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var assembly = await Assemblies.FindAsync(db, access, assemblyId, ct, tracked: true);
        var place = await access.RequireAsync(assembly.CommunityId, Permission.SitOnCommittee, ct, MeetingsAccess.AssemblyNotFound);
        var now = clock.GetUtcNow();
        var settings = await MeetingsAccess.SettingsAsync(db, assembly.CommunityId, options.Value, ct);
        var (wasStart, wasEnd) = (assembly.StartsAt, assembly.EndsAt);
        assembly.Reschedule(request.StartsAt, request.EndsAt, request.Place, now);
        MeetingLimits.EnsureStart(request.StartsAt, now, settings.AssemblyNoticeDays, earliest => new DomainRuleViolation("reschedule_notice_too_short",
            $"业主大会改期须重新提前 {settings.AssemblyNoticeDays} 日公告（公告当日不计入），新的会议日期不能早于 {earliest.ToChina():yyyy年M月d日}"));
        MeetingLimits.EnsureAssemblyLength(request.StartsAt, request.EndsAt);
        await votes.RescheduleMotionsAsync(assembly.CommunityId, assembly.Items.Select(i => i.VoteId).ToList(), request.StartsAt,
            request.EndsAt, now, ct);
        await CommunityNotices.PublishAsync(db, outbox, assembly.CommunityId, $"业主大会会议改期公告：{assembly.Title}",
            $"原定于 {wasStart.ToChina():yyyy年M月d日 HH:mm} 至 {wasEnd.ToChina():yyyy年M月d日 HH:mm} 的业主大会改期。改期原因：{request.Reason.Trim()}\n" +
            Assemblies.Notice(assembly), access.UserId, now, ct);
        outbox.Add("assembly.rescheduled", MeetingsAccess.StreetOfficers(place.StreetId), new
        {
            assemblyId, assembly.Title, assembly.StartsAt, assembly.EndsAt, previousStartsAt = wasStart, reason = request.Reason.Trim(),
            residentsCommitteeContact = settings.ResidentsCommitteeContact,
        });
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("assembly_changed", "业主大会刚被他人取消或改期，请刷新后查看"), ct);
        return TypedResults.Ok(await Assemblies.ViewAsync(assembly, db, options.Value, ct));
    }
}
