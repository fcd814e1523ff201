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

public sealed record CancelMeetingRequest(string Reason) : IValidatable
{
    public void Validate(Validator v) => v.Text(Reason, "reason", "取消原因", MeetingLimits.Reason);
}

/// <summary>
/// Calls off a committee meeting announced by mistake, before its session opens. Everyone the announcement reached hears
/// of it the same way: owners by a community notice, members and observers live, the street for the residents' committee.
/// </summary>
public static class CancelCommitteeMeeting
{
    public static async Task<Ok<CommitteeMeetingView>> HandleAsync(Guid meetingId, CancelMeetingRequest request, Access access,
        AppDbContext db, EventOutbox outbox, TimeProvider clock, IOptions<MeetingsOptions> options, CancellationToken ct)
    {
        var (meeting, _) = await MeetingsAccess.FindMeetingAsync(db, access, meetingId, ct, tracked: true);
        var place = await MeetingsAccess.RequireMayChangeAsync(access, meeting, ct);
        var now = clock.GetUtcNow();
        meeting.Cancel(request.Reason, now);
        await CommunityNotices.PublishAsync(db, outbox, meeting.CommunityId, $"业主委员会会议取消通知：{meeting.Title}",
            $"原定于 {meeting.StartsAt.ToChina():yyyy年M月d日 HH:mm} 召开的业主委员会会议“{meeting.Title}”取消。\n取消原因：{meeting.CancellationReason}",
            access.UserId, now, ct);
        var payload = new
        {
            meetingId, meeting.Title, meeting.StartsAt, reason = meeting.CancellationReason,
            residentsCommitteeContact = meeting.ResidentsCommitteeContact,
        };
        await MeetingsAccess.LiveAsync(db, outbox, meeting, "committee_meeting.cancelled", payload, ct);
        outbox.Add("committee_meeting.cancelled", MeetingsAccess.StreetOfficers(place.StreetId), payload);
        await db.SaveOrAnswerAsync(CommitteeMeeting.Cancelled, ct);
        return TypedResults.Ok(await CommitteeMeetings.ViewAsync(db, meeting, full: true, options.Value, ct));
    }
}
