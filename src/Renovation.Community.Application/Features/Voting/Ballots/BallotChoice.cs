using System.Globalization;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Features.Voting;

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
            if (candidateIds is { Count: > 0 })
                throw Invalid("candidateIds", "这是事项表决，不选候选人：请去掉 candidateIds，用 choice 选择同意、反对或弃权");
            if (choice is null || !Enum.IsDefined(choice.Value))
                throw Invalid("choice", "请用 choice 选择同意（Agree）、反对（Oppose）或弃权（Abstain）");
            return new BallotChoice(choice, []);
        }
        if (choice is not null)
            throw Invalid("choice", "这是选举，不用 choice：请在 candidateIds 中列出所选候选人");
        var picked = (candidateIds ?? []).Order().ToList();
        // Naming a candidate twice is a spoilt ballot, not a shorthand for naming them once.
        if (picked.Distinct().Count() != picked.Count)
            throw Invalid("candidateIds", "同一候选人只能选择一次");
        if (picked.Count > vote.Seats)
            throw Invalid("candidateIds", $"最多选择 {vote.Seats} 名候选人，收到 {picked.Count} 名");
        if (picked.Any(id => vote.Candidates.All(c => c.Id != id)))
            throw Invalid("candidateIds", "所选候选人不在本次选举名单中");
        return new BallotChoice(null, picked);
    }

    private static AppProblem Invalid(string field, string message) =>
        new DomainRuleViolation("ballot_choice_invalid", $"{field}：{message}").With("field", field)
            .With("errors", new Dictionary<string, string[]> { [field] = [message] });

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
