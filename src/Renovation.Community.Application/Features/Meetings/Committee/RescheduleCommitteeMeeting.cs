using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Notices;

namespace Renovation.Community.Application.Features.Meetings;

public sealed record RescheduleCommitteeMeetingRequest(DateTimeOffset StartsAt, string Reason, string? Place, string? OnlineLink) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Reason, "reason", "改期原因", MeetingLimits.Reason)
            .Text(Place, "place", "会议地点", MeetingLimits.Place, required: false)
            .Text(OnlineLink, "onlineLink", "线上会议链接", MeetingLimits.Link, required: false);
        if (OnlineLink is { Length: > 0 } link && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            v.Add("onlineLink", "线上会议链接应为 https 地址");
    }
}

/// <summary>
/// Moves a committee meeting before its session opens. The move is a new announcement: the agenda must again reach the
/// members the community's committee notice period ahead, counted from today, and goes to everyone the first one reached.
/// </summary>
public static class RescheduleCommitteeMeeting
{
    public static async Task<Ok<CommitteeMeetingView>> HandleAsync(Guid meetingId, RescheduleCommitteeMeetingRequest request,
        Access access, AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked: true);
        var place = await MeetingsAccess.RequireMayChangeAsync(access, meeting, ct);
        var now = clock.GetUtcNow();
        var settings = await MeetingsAccess.SettingsAsync(db, meeting.CommunityId, options.Value, ct);
        var was = meeting.StartsAt;
        meeting.Reschedule(request.StartsAt, request.Place, request.OnlineLink, now);
        MeetingLimits.EnsureStart(request.StartsAt, now, settings.CommitteeNoticeDays, earliest => new DomainRuleViolation("reschedule_notice_too_short",
            $"改期须重新提前 {settings.CommitteeNoticeDays} 日告知议程（告知当日不计入），新的会议日期不能早于 {earliest.ToChina():yyyy年M月d日}"));
        await CommunityNotices.PublishAsync(db, outbox, meeting.CommunityId, $"业主委员会会议改期通知：{meeting.Title}",
            $"原定于 {was.ToChina():yyyy年M月d日 HH:mm} 召开的会议改期。改期原因：{request.Reason.Trim()}\n" +
            CommitteeMeetings.PublicNotice(meeting), access.UserId, now, ct);
        var agenda = new
        {
            meetingId, meeting.Title, meeting.StartsAt, previousStartsAt = was, meeting.Place, meeting.OnlineLink,
            reason = request.Reason.Trim(), items = meeting.Items.Select(i => i.Title),
            residentsCommitteeContact = meeting.ResidentsCommitteeContact,
        };
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.rescheduled", agenda, ct);
        outbox.Add("committee_meeting.rescheduled", MeetingsAccess.StreetOfficers(place.StreetId), agenda);
        await db.SaveOrAnswerAsync(() => AppProblem.Conflict("meeting_changed", "会议刚被他人取消或改期，请刷新后查看"), ct);
        return TypedResults.Ok(await CommitteeMeetings.ViewAsync(db, meeting, full: true, options.Value, ct));
    }
}
