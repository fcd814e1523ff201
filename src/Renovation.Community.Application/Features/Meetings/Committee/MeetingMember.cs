using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>A member on a meeting's roster and their attendance, recorded once (concurrency token).</summary>
public sealed class MeetingMember
{
    private MeetingMember() { }

    public MeetingMember(Guid meetingId, Guid userId, bool isChair)
    {
        MeetingId = meetingId;
        UserId = userId;
        IsChair = isChair;
    }

    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public bool IsChair { get; private set; }
    public DateTimeOffset? PresentAt { get; private set; }
    public Guid? RecordedBy { get; private set; }
    public int Version { get; private set; }

    public void MarkPresent(Guid recordedBy, DateTimeOffset now)
    {
        if (PresentAt is not null)
            throw AlreadyPresent();
        PresentAt = now;
        RecordedBy = recordedBy;
        Version++;
    }

    public static AppProblem AlreadyPresent() => AppProblem.Conflict("already_present", "该委员已签到");
}
