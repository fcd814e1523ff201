using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>One member's signature on a call; the primary key (call, user) records each member once.</summary>
public sealed class MeetingCallSignature
{
    private MeetingCallSignature() { }

    public MeetingCallSignature(Guid callId, Guid userId, DateTimeOffset now)
    {
        CallId = callId;
        UserId = userId;
        SignedAt = now;
    }

    public Guid CallId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }

    public static AppProblem Exists() => AppProblem.Conflict("already_called", "您已提议召开该会议");
}
