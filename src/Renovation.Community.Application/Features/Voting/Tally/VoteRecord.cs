using System.Text.Json.Serialization;

namespace Renovation.Community.Application.Features.Voting;

public sealed record RollEntry(Guid PartyId, string Name, long AreaHundredths, int Units);
public sealed record Participant(Guid PartyId, string Name, BallotChannel Channel, int Replacements);

/// <summary>
/// One ballot in chain order. <c>Supersedes</c> names the receipt of the ballot it replaced (that one no longer
/// counts). Choice, area and heads are published in named votes only, and so are the party fields: in a secret vote
/// a ballot is only its receipt and its place in the chain (see <see cref="VoteRecords"/>). Absent fields are left
/// out of the JSON, not written as null.
/// </summary>
public sealed record RecordedBallot(long ChainIndex, string Receipt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Choice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? AreaHundredths,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Heads,
    string? Supersedes, bool Counted, string LinkHash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? PartyId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PartyName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BallotChannel? Channel);

/// <summary>
/// The published record of a closed vote: everything needed to recompute every total and to check every receipt.
/// <c>Totals</c> are the sums the result was judged on (a recount from the ballots at the close).
/// </summary>
public sealed record VoteRecord(VoteView Vote, string Genesis, string? FinalLink, IReadOnlyList<RollEntry> Electorate,
    IReadOnlyList<Participant> Participants, TallyCounts Totals, IReadOnlyList<RecordedBallot> Ballots, string HowToVerify);
