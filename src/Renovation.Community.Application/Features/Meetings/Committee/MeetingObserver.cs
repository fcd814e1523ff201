using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>An owner registered to observe a meeting (旁听); one per user and meeting, at most the meeting's capacity.</summary>
public sealed class MeetingObserver
{
    private MeetingObserver() { }

    public MeetingObserver(Guid meetingId, Guid userId, DateTimeOffset now)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        UserId = userId;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}
