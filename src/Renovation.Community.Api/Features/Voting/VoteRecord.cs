using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Api.Features.Voting;

public sealed record RollEntry(Guid PartyId, string Name, long AreaHundredths, int Units);
public sealed record Participant(Guid PartyId, string Name, BallotChannel Channel, int Replacements);

/// <summary>
/// One ballot in chain order. <c>Supersedes</c> names the receipt of the ballot it replaced (that one no longer
/// counts). Party fields are filled in named votes only.
/// </summary>
public sealed record RecordedBallot(long ChainIndex, string Receipt, string Choice, long AreaHundredths, int Heads,
    string? Supersedes, bool Counted, string LinkHash, Guid? PartyId, string? PartyName, BallotChannel? Channel);

/// <summary>
/// The published record of a closed vote: everything needed to recompute every total and to check every receipt.
/// </summary>
public sealed record VoteRecord(VoteView Vote, string Genesis, string? FinalLink, IReadOnlyList<RollEntry> Electorate,
    IReadOnlyList<Participant> Participants, IReadOnlyList<RecordedBallot> Ballots, string HowToVerify);

public static class VoteRecords
{
    public const string HowToVerify =
        "Totals: sum areaHundredths and heads (1 per ballot) of every ballot with counted=true, by choice; participating is " +
        "all counted ballots. Quorum: participating area*3 >= electorate area*2 and heads*3 >= heads*2. Approval: matters " +
        "6-8 agree*4 >= participating*3, others agree*2 > participating, for area and heads alike. Chain: link_0 = genesis, " +
        "link_i = SHA-256(hex(link_{i-1}) + '|' + receipt_i), the last must equal finalLink. Your ballot: receipt = " +
        "SHA-256('{voteId:N}|{choice}|{areaHundredths}|{your key}') must appear with counted=true.";

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
        var recorded = ballots.Select(b => new RecordedBallot(b.ChainIndex ?? 0, b.ReceiptHash, b.ChoiceCode, b.AreaHundredths, 1,
            b.SupersedesBallotId is { } s ? receiptOf[s] : null, !replaced.Contains(b.Id), b.LinkHash ?? "",
            named ? b.OwnerPartyId : null, named && b.OwnerPartyId is { } p ? names.GetValueOrDefault(p) : null,
            named ? b.Channel : null)).ToList();
        return new VoteRecord(VoteViews.View(vote, tally), BallotKeys.Genesis(vote.Id), recorded.LastOrDefault()?.LinkHash,
            roll, participants, recorded, HowToVerify);
    }
}
