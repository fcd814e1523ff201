using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Events;
using Renovation.Community.Api.Common.Time;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>Where one vote convened through <see cref="VoteConvening"/> stands; the totals are the vote's own.</summary>
public sealed record ConvenedVoteStatus(Guid VoteId, string State, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool? QuorumMet,
    bool? Passed, long? ElectorateArea, long? ElectorateHeads, long? AgreeArea, long? AgreeHeads, long? ParticipatingArea,
    long? ParticipatingHeads);

/// <summary>
/// The public surface Voting offers another feature that decides through Article 278 votes (owners' assemblies):
/// convene a motion inside the caller's unit of work, after the caller checked its own access, and read back the
/// outcomes. The vote is an ordinary vote from then on: same electorate, thresholds, channels, receipts and record.
/// </summary>
public sealed class VoteConvening(AppDbContext db, EventOutbox outbox, IOptions<VotingOptions> options)
{
    public Guid AddMotion(Guid communityId, string title, string description, Matter matter, bool secret,
        DateTimeOffset opensAt, DateTimeOffset closesAt, Guid convenedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(matter))
            throw new DomainRuleViolation("matter_invalid", "表决事项应为《民法典》第二百七十八条所列的 1 至 9 项之一");
        var notice = options.Value.MinimumNoticeDays;
        if (opensAt < now.AddDays(notice))
            throw new DomainRuleViolation("notice_too_short", $"投票须至少提前 {notice} 天通知全体业主，开始时间不能早于 {now.AddDays(notice).ToChina():yyyy-MM-dd HH:mm}");
        var vote = new Vote(communityId, title, description, matter, VoteKind.Motion, secret ? Secrecy.Secret : Secrecy.Named,
            showCountsBeforeClose: false, seats: 0, opensAt, closesAt, convenedBy, planId: null, [], now);
        db.Votes.Add(vote);
        outbox.Add("vote.convened", Audience.Community(communityId), new { voteId = vote.Id, vote.Title, vote.OpensAt, vote.ClosesAt });
        return vote.Id;
    }

    public async Task<IReadOnlyDictionary<Guid, ConvenedVoteStatus>> OutcomesAsync(IReadOnlyCollection<Guid> voteIds, CancellationToken ct)
    {
        var votes = await db.Votes.AsNoTracking().Where(v => voteIds.Contains(v.Id)).ToListAsync(ct);
        return votes.ToDictionary(v => v.Id, v => new ConvenedVoteStatus(v.Id, v.State.ToString(), v.OpensAt, v.ClosesAt,
            v.Result?.QuorumMet, v.Result?.Passed, v.Result?.Electorate.Area, v.Result?.Electorate.Heads, v.Result?.Agree.Area,
            v.Result?.Agree.Heads, v.Result?.Participating.Area, v.Result?.Participating.Heads));
    }
}
