using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Features.Voting;

/// <summary>
/// Builds the published record. A named vote publishes every ballot with its choice, weight and party. A secret vote
/// publishes per ballot only the receipt and the chain link, and per choice only the totals: a ballot's weight is
/// its party's area, areas are usually unique on the public roll, so a per-ballot weight next to a choice would name
/// the voter (docs/voting.md, "Secret votes").
/// </summary>
public static class VoteRecords
{
    private const string Thresholds =
        "Quorum: participating area*3 >= electorate area*2 and heads*3 >= heads*2. Approval: matters 6-8 agree*4 >= " +
        "participating*3, others agree*2 > participating, for area and heads alike. Chain: link_0 = genesis, link_i = " +
        "SHA-256(hex(link_{i-1}) + '|' + receipt_i), the last must equal finalLink.";

    public const string HowToVerifyNamed =
        "Totals: sum areaHundredths and heads (1 per ballot) of every ballot with counted=true, by choice; participating is " +
        "all counted ballots. " + Thresholds + " Your ballot: receipt = SHA-256('{voteId:N}|{choice}|{areaHundredths}|{your key}') " +
        "must appear with counted=true.";

    public const string HowToVerifySecret =
        "Secret vote: ballots show no choice or weight. Turnout: sum the roll's areaHundredths over the participants (heads: " +
        "their number); it must equal totals.participating, and the number of ballots with counted=true must equal its heads. " +
        "Choices: agree+oppose+abstain must equal participating (elections: no candidate above it). " + Thresholds +
        " Your ballot: receipt = SHA-256('{voteId:N}|{your choice}|{your party's areaHundredths}|{your key}') must appear with " +
        "counted=true; only someone holding the key can compute it, so finding it proves the ballot was stored with your choice.";

    public static async Task<VoteRecord> BuildAsync(AppDbContext db, Vote vote, TallyCounts tally, CancellationToken ct)
    {
        var named = vote.Secrecy == Secrecy.Named;
        var roll = await db.ElectorateParties.AsNoTracking().Where(p => p.VoteId == vote.Id).OrderBy(p => p.Name)
            .Select(p => new RollEntry(p.OwnerPartyId, p.Name, p.AreaHundredths, p.Units)).ToListAsync(ct);
        var names = roll.ToDictionary(r => r.PartyId, r => r.Name);
        var participants = (await db.Participations.AsNoTracking().Where(p => p.VoteId == vote.Id).ToListAsync(ct))
            .Select(p => new Participant(p.OwnerPartyId, names.GetValueOrDefault(p.OwnerPartyId, ""), p.Channel, p.Replacements))
            .OrderBy(p => p.Name).ToList();
        var ballots = await db.Ballots.AsNoTracking().Where(b => b.VoteId == vote.Id).OrderBy(b => b.ChainIndex).ToListAsync(ct);
        var receiptOf = ballots.ToDictionary(b => b.Id, b => b.ReceiptHash);
        var replaced = ballots.Where(b => b.SupersedesBallotId != null).Select(b => b.SupersedesBallotId!.Value).ToHashSet();
        var recorded = ballots.Select(b => new RecordedBallot(b.ChainIndex ?? 0, b.ReceiptHash,
            named ? b.ChoiceCode : null, named ? b.AreaHundredths : null, named ? 1 : null,
            b.SupersedesBallotId is { } s ? receiptOf[s] : null, !replaced.Contains(b.Id), b.LinkHash ?? "",
            named ? b.OwnerPartyId : null, named && b.OwnerPartyId is { } p ? names.GetValueOrDefault(p) : null,
            named ? b.Channel : null)).ToList();
        return new VoteRecord(VoteViews.View(vote, tally), BallotKeys.Genesis(vote.Id), recorded.LastOrDefault()?.LinkHash,
            roll, participants, TotalsOf(vote, tally), recorded, named ? HowToVerifyNamed : HowToVerifySecret);
    }

    /// <summary>The sums the stored result was computed from (the close's recount), else the running tally.</summary>
    private static TallyCounts TotalsOf(Vote vote, TallyCounts tally) => vote.Result is { } r
        ? new TallyCounts(r.Participating, r.Agree, r.Oppose, r.Abstain, r.Candidates.ToDictionary(c => c.CandidateId, c => c.Agree))
        : tally;
}
