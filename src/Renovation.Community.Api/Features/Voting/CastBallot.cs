using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renovation.Community.Api.Common;
using Renovation.Community.Api.Common.Authorization;
using Renovation.Community.Api.Common.Errors;
using Renovation.Community.Api.Common.Validation;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

/// <summary>
/// A motion takes <c>choice</c>; an election takes <c>candidateIds</c> (up to the seats). <c>partyId</c> is needed only
/// when the caller may vote for more than one party (several owners, or as a proxy). <c>replacesKey</c> is the earlier
/// ballot's key when replacing it in a secret vote.
/// </summary>
public sealed record CastBallotRequest(Choice? Choice, IReadOnlyList<Guid>? CandidateIds, Guid? PartyId, string? ReplacesKey)
    : IValidatable
{
    public void Validate(Validator v)
    {
        if (Choice is { } c && !Enum.IsDefined(c))
            v.Add("choice", "请选择同意、反对或弃权");
        if (ReplacesKey is not null && !BallotKeys.IsValidKey(ReplacesKey))
            v.Add("replacesKey", "原选票密钥格式不正确");
    }
}

public sealed record BallotReceipt(Guid VoteId, string Receipt, bool Replaced, string Detail);

public static class CastBallot
{
    public const string KeyHeader = "Idempotency-Key";

    public static async Task<Results<Created<BallotReceipt>, Ok<BallotReceipt>>> HandleAsync(Guid voteId,
        CastBallotRequest request, [FromHeader(Name = KeyHeader)] string? key, ICurrentActor actor, OpenVotes openVotes,
        BallotBox box, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!BallotKeys.IsValidKey(key))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [KeyHeader] = ["请在请求头 Idempotency-Key 中提供 16 到 128 位的随机密钥（字母、数字、- 或 _），并妥善保存，用于核对回执"],
            });
        // The database context and the caller's scope are made only off the hot path: an open vote comes from the
        // cache and the ballot box finds the party.
        var services = http.RequestServices;
        var vote = openVotes.FindCached(voteId)
            ?? await openVotes.FindOpenAsync(services.GetRequiredService<AppDbContext>(), voteId, ct)
            ?? await VotingAccess.FindVisibleAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<Access>(), voteId, ct);
        vote.EnsureAcceptingBallots(clock.GetUtcNow());
        var choice = BallotChoice.For(vote, request.Choice, request.CandidateIds);
        var userId = actor.UserId ?? throw AppProblem.Unauthorized("unauthenticated", "请先登录");

        var outcome = request.ReplacesKey is null
            ? await box.TryCastAsync(new BoxedBallot(vote, choice, key!, userId, request.PartyId))
            : null;
        if (outcome is null)
        {
            var db = services.GetRequiredService<AppDbContext>();
            var (party, channel) = await ChoosePartyAsync(db, services.GetRequiredService<Access>(), vote, request.PartyId, ct);
            outcome = await services.GetRequiredService<BallotCaster>().CastAsync(new CastRequest(vote, party.OwnerPartyId,
                party.AreaHundredths, choice, key!, channel, userId, request.ReplacesKey), ct);
        }
        var receipt = new BallotReceipt(voteId, outcome.Receipt, outcome.Replaced,
            outcome.Replaced ? "已改投，以本次选票为准" : "投票成功，请保存回执和密钥以便核对");
        return outcome.Replayed ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/v1/votes/{voteId}/receipts/{outcome.Receipt}", receipt);
    }

    private static async Task<(ElectorateParty Party, BallotChannel Channel)> ChoosePartyAsync(AppDbContext db, Access access,
        Vote vote, Guid? partyId, CancellationToken ct)
    {
        // A party on the frozen roll through one's own approved binding implies the community is visible to the caller.
        var own = await OpenVotes.OwnPartiesAsync(db, vote.Id, access.UserId, ct);
        if (partyId is null)
        {
            if (own.Count == 1)
                return (own[0], BallotChannel.Online);
            if (own.Count > 1)
                throw AppProblem.BadRequest("party_required", "您可为多个业主投票，请指明为哪一户业主投票（partyId）");
            var proxied = await VotingAccess.ProxiedPartiesAsync(db, access.UserId, vote.Id, ct);
            return proxied.Count == 1
                ? (proxied[0], BallotChannel.Proxy)
                : proxied.Count > 1
                    ? throw AppProblem.BadRequest("party_required", "您受多户业主委托，请指明为哪一户业主投票（partyId）")
                    : throw await NotAVoterAsync();
        }
        if (own.SingleOrDefault(p => p.OwnerPartyId == partyId) is { } mine)
            return (mine, BallotChannel.Online);
        var proxy = (await VotingAccess.ProxiedPartiesAsync(db, access.UserId, vote.Id, ct)).SingleOrDefault(p => p.OwnerPartyId == partyId);
        return proxy is not null ? (proxy, BallotChannel.Proxy) : throw await NotAVoterAsync();

        async Task<AppProblem> NotAVoterAsync()
        {
            // Not a voter: those who cannot even see the vote are told it does not exist.
            await VotingAccess.FindVisibleAsync(db, access, vote.Id, ct);
            return AppProblem.Forbidden("您不是本次投票业主名册中的业主，也未获得经批准的业主委托");
        }
    }
}
