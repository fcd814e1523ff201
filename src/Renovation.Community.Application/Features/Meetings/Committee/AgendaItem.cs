using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Meetings;

/// <summary>One item on a committee meeting's agenda; <see cref="Public"/> items are shown to owners.</summary>
public sealed class AgendaItem
{
    private AgendaItem() { }

    public AgendaItem(Guid meetingId, int order, string title, string? description, bool isPublic)
    {
        Id = Ids.New();
        MeetingId = meetingId;
        Order = order;
        Title = title.Trim();
        Description = description?.Trim() ?? "";
        Public = isPublic;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public bool Public { get; private set; }
    public ItemOutcome Outcome { get; private set; }
    public int SignedFor { get; private set; }
    public int SignedAgainst { get; private set; }
    public int SignedAbstain { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public void Decide(int signedFor, int signedAgainst, int signedAbstain, int members, DateTimeOffset now)
    {
        if (Outcome != ItemOutcome.Pending)
            throw AlreadyDecided();
        SignedFor = signedFor;
        SignedAgainst = signedAgainst;
        SignedAbstain = signedAbstain;
        Outcome = CommitteeMeeting.Passes(signedFor, members) ? ItemOutcome.Passed : ItemOutcome.NotPassed;
        DecidedAt = now;
        Version++;
    }

    /// <summary>Recorded when the meeting closes without quorum: the item was never decided and cannot be.</summary>
    public void LackedQuorum()
    {
        if (Outcome != ItemOutcome.Pending)
            throw AlreadyDecided();
        Outcome = ItemOutcome.NoQuorum;
        Version++;
    }

    public static AppProblem AlreadyDecided() => AppProblem.Conflict("item_already_decided", "该议题已形成决定");
}
