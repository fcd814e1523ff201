using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Time;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>Where one vote convened through <see cref="VoteConvening"/> stands, as shown (read through <see cref="VoteOutcomes"/>).</summary>
public sealed record ConvenedVoteStatus(Guid VoteId, string State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool? QuorumMet,
    bool? Passed, long? ElectorateArea, long? ElectorateHeads, long? AgreeArea, long? AgreeHeads, long? ParticipatingArea,
    long? ParticipatingHeads)
{
    public static ConvenedVoteStatus Of(VoteOutcome o) => new(o.VoteId, o.State.ToString(), o.OpensAt, o.ClosesAt,
        o.Result?.QuorumMet, o.Result?.Passed, o.Result?.Electorate.Area, o.Result?.Electorate.Heads, o.Result?.Agree.Area,
        o.Result?.Agree.Heads, o.Result?.Participating.Area, o.Result?.Participating.Heads);

    /// <summary>The statuses of the given votes, by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ConvenedVoteStatus>> ReadAsync(AppDbContext db, IReadOnlyCollection<Guid> voteIds,
        CancellationToken ct) =>
        (await VoteOutcomes.FindAsync(db, voteIds, ct)).ToDictionary(o => o.Key, o => Of(o.Value));
}

/// <summary>
/// The public surface Voting offers another feature that decides through Article 278 votes (owners' assemblies):
/// convene a motion inside the caller's unit of work, after the caller checked its own access; the outcomes are read
/// back through <see cref="VoteOutcomes"/> like every other feature's. The vote is an ordinary vote from then on: same
/// notice rule, electorate, thresholds, channels, receipts and record.
/// </summary>
public sealed class VoteConvening(AppDbContext db, EventOutbox outbox, IOptions<VotingOptions> options)
{
    public async Task<Guid> AddMotionAsync(Guid communityId, string title, string description, Matter matter, bool secret,
        DateTimeOffset opensAt, DateTimeOffset closesAt, Guid convenedBy, DateTimeOffset now, CancellationToken ct)
    {
        if (!Enum.IsDefined(matter))
            throw new DomainRuleViolation("matter_invalid", "表决事项应为《民法典》第二百七十八条所列的 1 至 9 项之一");
        await RequireNoticeAsync(communityId, opensAt, now, ct);
        var vote = new Vote(communityId, title, description, matter, VoteKind.Motion, secret ? Secrecy.Secret : Secrecy.Named,
            showCountsBeforeClose: false, seats: 0, opensAt, closesAt, convenedBy, planId: null, [], now);
        db.Votes.Add(vote);
        outbox.Add("vote.convened", Audience.Community(communityId), new { voteId = vote.Id, vote.Title, vote.OpensAt, vote.ClosesAt });
        return vote.Id;
    }

    /// <summary>Calls off motions convened here that have not opened (their assembly was cancelled), in the caller's unit of work.</summary>
    public async Task CancelMotionsAsync(IReadOnlyCollection<Guid> voteIds, CancellationToken ct)
    {
        // A vote already cancelled was cancelled by a concurrent call of the same cancellation, which has committed: the
        // caller's own save then loses on its concurrency token and answers that, instead of this vote's refusal.
        foreach (var vote in await db.Votes.Where(v => voteIds.Contains(v.Id) && v.State != VoteState.Cancelled).ToListAsync(ct))
        {
            vote.Cancel();
            outbox.Add("vote.cancelled", Audience.Community(vote.CommunityId), new { voteId = vote.Id });
        }
    }

    /// <summary>
    /// Moves motions convened here that have not opened (their assembly was moved), in the caller's unit of work; the
    /// new opening needs the community's vote notice counted from <paramref name="now"/>, as a new vote would.
    /// </summary>
    public async Task RescheduleMotionsAsync(Guid communityId, IReadOnlyCollection<Guid> voteIds, DateTimeOffset opensAt,
        DateTimeOffset closesAt, DateTimeOffset now, CancellationToken ct)
    {
        await RequireNoticeAsync(communityId, opensAt, now, ct);
        foreach (var vote in await db.Votes.Where(v => voteIds.Contains(v.Id)).ToListAsync(ct))
        {
            vote.Reschedule(opensAt, closesAt);
            outbox.Add("vote.rescheduled", Audience.Community(communityId), new { voteId = vote.Id, vote.OpensAt, vote.ClosesAt });
        }
    }

    /// <summary>
    /// The notice every vote of the community needs, however it is convened: the community's own notice period, never
    /// below the legal minimum (<see cref="VotingSettings.NoticeDays"/>), counted in calendar days (<see cref="NoticePeriod"/>).
    /// </summary>
    public async Task RequireNoticeAsync(Guid communityId, DateTimeOffset opensAt, DateTimeOffset convenedAt, CancellationToken ct)
    {
        var legal = options.Value.MinimumNoticeDays;
        var settings = await db.VotingSettings.AsNoTracking().SingleOrDefaultAsync(s => s.CommunityId == communityId, ct);
        var days = settings?.NoticeDays(legal) ?? legal;
        var earliest = NoticePeriod.EarliestStart(convenedAt, days);
        if (opensAt < earliest)
            throw new DomainRuleViolation("notice_too_short",
                $"投票须至少提前 {days} 日通知全体业主（通知当日不计入），开始日期不能早于 {earliest.ToChina():yyyy年M月d日}");
    }
}
