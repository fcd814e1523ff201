using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Common.Validation;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

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
        BallotBox box, TimeProvider clock, Deferred<AppDbContext> db, Deferred<Access> access, CancellationToken ct)
    {
        if (!BallotKeys.IsValidKey(key))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [KeyHeader] = ["请在请求头 Idempotency-Key 中提供 16 到 128 位的随机密钥（字母、数字、- 或 _），并妥善保存，用于核对回执"],
            });
        // The database context and the caller's scope are made only off the hot path: an open vote comes from the
        // cache and the ballot box finds the party.
        var vote = openVotes.FindCached(voteId)
            ?? await openVotes.FindOpenAsync(db.Value, voteId, ct)
            ?? await VotingAccess.FindVisibleAsync(db.Value, access.Value, voteId, ct);
        vote.EnsureAcceptingBallots(clock.GetUtcNow());
        var choice = BallotChoice.For(vote, request.Choice, request.CandidateIds);
        var userId = actor.UserId ?? throw AppProblem.Unauthorized("unauthenticated", "请先登录");

        CastOutcome outcome;
        try
        {
            outcome = await box.CastAsync(new BoxedBallot(vote, choice, key!, userId, request.PartyId, request.ReplacesKey));
        }
        catch (NotAVoter)
        {
            // Those who cannot even see the vote are told it does not exist.
            await VotingAccess.FindVisibleAsync(db.Value, access.Value, vote.Id, ct);
            throw;
        }
        var receipt = new BallotReceipt(voteId, outcome.Receipt, outcome.Replaced,
            outcome.Replaced ? "已改投，以本次选票为准" : "投票成功，请保存回执和密钥以便核对");
        return outcome.Replayed ? TypedResults.Ok(receipt) : TypedResults.Created($"/api/v1/votes/{voteId}/receipts/{outcome.Receipt}", receipt);
    }
}
