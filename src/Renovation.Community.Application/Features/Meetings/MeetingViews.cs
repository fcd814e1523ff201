namespace Renovation.Community.Application.Features.Meetings;

public sealed record MemberView(Guid UserId, string Name, bool IsChair, DateTimeOffset? PresentAt);

public sealed record PositionView(Guid Id, Guid MemberUserId, Stance Stance, Guid EnteredBy, DateTimeOffset? SignedAt, Guid? SignedBy);

public sealed record AgendaItemView(Guid Id, int Order, string Title, string Description, bool Public, ItemOutcome Outcome,
    int SignedFor, int SignedAgainst, int SignedAbstain, DateTimeOffset? DecidedAt, IReadOnlyList<PositionView>? Positions);

/// <summary>
/// A committee meeting. Owners see the public part: time, place, public items and their outcomes, the attendance
/// count and quorum; members and positions are null for them.
/// </summary>
public sealed record CommitteeMeetingView(Guid Id, Guid CommunityId, string Title, DateTimeOffset StartsAt, string? Place,
    string? OnlineLink, MeetingOrigin Origin, Guid? CallId, CommitteeMeetingState State, int MemberCount, int Present,
    bool QuorumMet, int ObserverCapacity, int ObserverCount, DateTimeOffset? ClosedAt, DateTimeOffset? MinutesDueBy,
    DateTimeOffset? MinutesPublishedAt, string? Minutes, Guid? NoticeId, Guid? MinutesNoticeId, string? ResidentsCommitteeContact,
    IReadOnlyList<AgendaItemView> Items, IReadOnlyList<MemberView>? Members, DateTimeOffset? CancelledAt, string? CancellationReason,
    DateTimeOffset? RescheduledAt);

public sealed record MeetingCallView(Guid Id, Guid CommunityId, string Reason, int MemberCount, int Signatures, bool Reached,
    DateTimeOffset? ReachedAt, DateTimeOffset? HoldBy, Guid? MeetingId, bool Overdue);

public sealed record ObserverView(Guid MeetingId, Guid UserId, DateTimeOffset RegisteredAt, int ObserverCount, int ObserverCapacity);

public sealed record ResolutionView(Guid ItemId, Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStartsAt, string Title,
    string Description, ItemOutcome Outcome, int SignedFor, int MemberCount, DateTimeOffset? DecidedAt, bool Public);

public sealed record MeetingSettingsView(Guid CommunityId, int CommitteeNoticeDays, int AssemblyNoticeDays, string? ResidentsCommitteeContact);

public sealed record MeetingAlertView(string Kind, Guid CommunityId, Guid SubjectId, string Message, DateTimeOffset RaisedAt);

public static class MeetingViews
{
    public static CommitteeMeetingView View(CommitteeMeeting m, bool full, IReadOnlyDictionary<Guid, string> names,
        IReadOnlyList<MemberPosition> positions, MeetingsOptions options)
    {
        var present = m.Members.Count(x => x.PresentAt is not null);
        var items = m.Items.Where(i => full || i.Public).OrderBy(i => i.Order).Select(i => new AgendaItemView(i.Id, i.Order, i.Title,
            i.Description, i.Public, i.Outcome, i.SignedFor, i.SignedAgainst, i.SignedAbstain, i.DecidedAt,
            full ? positions.Where(p => p.ItemId == i.Id).OrderBy(p => p.EnteredAt)
                .Select(p => new PositionView(p.Id, p.MemberUserId, p.Stance, p.EnteredBy, p.SignedAt, p.SignedBy)).ToList() : null))
            .ToList();
        var members = full
            ? m.Members.OrderByDescending(x => x.IsChair).ThenBy(x => x.UserId)
                .Select(x => new MemberView(x.UserId, names.GetValueOrDefault(x.UserId, ""), x.IsChair, x.PresentAt)).ToList()
            : null;
        return new CommitteeMeetingView(m.Id, m.CommunityId, m.Title, m.StartsAt, m.Place, m.OnlineLink, m.Origin, m.CallId, m.State,
            m.MemberCount, present, CommitteeMeeting.QuorumMet(present, m.MemberCount), m.ObserverCapacity, m.ObserverCount,
            m.ClosedAt, m.MinutesDueBy(options.MinutesDueDays), m.MinutesPublishedAt, m.Minutes, m.NoticeId, m.MinutesNoticeId,
            full ? m.ResidentsCommitteeContact : null, items, members, m.CancelledAt, m.CancellationReason, m.RescheduledAt);
    }
}
