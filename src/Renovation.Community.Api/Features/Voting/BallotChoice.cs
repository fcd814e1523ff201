using System.Globalization;
using Renovation.Community.Api.Common.Errors;

namespace Renovation.Community.Api.Features.Voting;

public enum Choice
{
    Agree = 0,
    Oppose = 1,
    Abstain = 2,
}

/// <summary>
/// What a ballot says, in one canonical text form (<c>agree</c>, <c>oppose</c>, <c>abstain</c>, or
/// <c>elect:</c> followed by the sorted candidate ids) that receipts hash and the published record shows.
/// </summary>
public sealed record BallotChoice(Choice? Motion, IReadOnlyList<Guid> Candidates)
{
    private const string ElectPrefix = "elect:";

    public string Code => Motion switch
    {
        Choice.Agree => "agree",
        Choice.Oppose => "oppose",
        Choice.Abstain => "abstain",
        _ => ElectPrefix + string.Join(',', Candidates.Select(c => c.ToString("N"))),
    };

    /// <summary>Validates a choice against the vote: a motion takes one choice; an election up to the seats.</summary>
    public static BallotChoice For(Vote vote, Choice? choice, IReadOnlyList<Guid>? candidateIds)
    {
        if (vote.Kind == VoteKind.Motion)
        {
            if (choice is null || !Enum.IsDefined(choice.Value) || candidateIds is { Count: > 0 })
                throw new DomainRuleViolation("ballot_choice_invalid", "请选择同意、反对或弃权");
            return new BallotChoice(choice, []);
        }
        var picked = (candidateIds ?? []).Order().ToList();
        // Naming a candidate twice is a spoilt ballot, not a shorthand for naming them once.
        if (picked.Distinct().Count() != picked.Count)
            throw new DomainRuleViolation("ballot_choice_invalid", "同一候选人只能选择一次");
        if (choice is not null || picked.Count > vote.Seats)
            throw new DomainRuleViolation("ballot_choice_invalid", $"最多选择 {vote.Seats} 名候选人");
        if (picked.Any(id => vote.Candidates.All(c => c.Id != id)))
            throw new DomainRuleViolation("ballot_choice_invalid", "所选候选人不在本次选举名单中");
        return new BallotChoice(null, picked);
    }

    public static BallotChoice Parse(string code) => code switch
    {
        "agree" => new(Choice.Agree, []),
        "oppose" => new(Choice.Oppose, []),
        "abstain" => new(Choice.Abstain, []),
        _ when code.StartsWith(ElectPrefix, StringComparison.Ordinal) => new(null, code[ElectPrefix.Length..]
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList()),
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unknown ballot code {code}")),
    };

    /// <summary>What this ballot adds to the sums for a party of the given area (one head).</summary>
    public TallyCounts Contribution(long area)
    {
        var one = new Totals(area, 1);
        return new TallyCounts(one,
            Motion == Choice.Agree ? one : default,
            Motion == Choice.Oppose ? one : default,
            Motion == Choice.Abstain ? one : default,
            Candidates.ToDictionary(c => c, _ => one));
    }
}
