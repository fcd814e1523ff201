using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Events;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Features.Proposals;

namespace Renovation.Community.Application.Features.Voting;

public sealed record ConveneVoteRequest(string Title, string? Description, Matter Matter, VoteKind Kind, Secrecy Secrecy,
    bool ShowCountsBeforeClose, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int? Seats,
    IReadOnlyList<CandidateRequest>? Candidates, Guid? PlanId) : IValidatable
{
    public void Validate(Validator v)
    {
        v.Text(Title, "title", "投票标题", 100).Text(Description, "description", "说明", 4000, required: false);
        if (!Enum.IsDefined(Matter))
            v.Add("matter", "表决事项应为《民法典》第二百七十八条所列的 1 至 9 项之一");
        if (!Enum.IsDefined(Kind))
            v.Add("kind", "投票类型无效");
        if (!Enum.IsDefined(Secrecy))
            v.Add("secrecy", "记名方式无效");
        if (ClosesAt <= OpensAt)
            v.Add("closesAt", "截止时间必须晚于开始时间");
        foreach (var (candidate, i) in (Candidates ?? []).Select((c, i) => (c, i)))
            if (candidate is null || new[] { candidate.PartyMemberId, candidate.OwnerPartyId, candidate.UserId }.Count(id => id is not null) != 1)
                v.Add($"candidates[{i}]", "每位候选人须且只能以 partyMemberId、ownerPartyId 或 userId 之一指明其人");
    }
}

/// <summary>
/// A candidate is a person, never a bare name: exactly one of a party member (a registered owner; any member of a co-owner
/// party), a personal owner party (its one owner) or a registered user with an approved binding in the community.
/// </summary>
public sealed record CandidateRequest(Guid? PartyMemberId = null, Guid? OwnerPartyId = null, Guid? UserId = null);

/// <summary>The committee or the street convenes a vote of one community.</summary>
public static class ConveneVote
{
    public static async Task<Created<VoteView>> HandleAsync(Guid communityId, ConveneVoteRequest request, Access access,
        AppDbContext db, EventOutbox outbox, VoteConvening convening, TimeProvider clock, CancellationToken ct)
    {
        await access.RequireAsync(communityId, Permission.ConveneVotes, ct);
        var now = clock.GetUtcNow();
        await convening.RequireNoticeAsync(communityId, request.OpensAt, now, ct);
        if (request.PlanId is { } planId)
        {
            var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.CommunityId == communityId, ct)
                ?? throw AppProblem.NotFound("plan_not_found", "该小区没有这个改造方案");
            if (plan.State != PlanState.ReadyForVote)
                throw new DomainRuleViolation("plan_not_ready_for_vote", "改造方案公示结束且所有异议均已答复后才能表决");
        }
        var candidates = await CandidatePersons.ResolveAsync(db, communityId, request.Candidates ?? [], ct);
        var vote = new Vote(communityId, request.Title, request.Description ?? "", request.Matter, request.Kind, request.Secrecy,
            request.ShowCountsBeforeClose, request.Seats ?? 0, request.OpensAt, request.ClosesAt, access.UserId, request.PlanId,
            candidates, now);
        db.Votes.Add(vote);
        outbox.Add("vote.convened", Audience.Community(communityId), new { voteId = vote.Id, vote.Title, vote.OpensAt, vote.ClosesAt });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/votes/{vote.Id}", VoteViews.View(vote, null));
    }
}
