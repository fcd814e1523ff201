using Renovation.Community.Application.Features.Voting;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Voting;

/// <summary>Civil Code Article 278 on integers, at the exact boundaries.</summary>
public sealed class ThresholdTests
{
    private static readonly Totals Electorate = new(30000, 30);

    [Fact]
    public void Quorum_is_met_at_exactly_two_thirds_of_area_and_of_heads() =>
        Assert.True(Thresholds.QuorumMet(new Totals(20000, 20), Electorate));

    [Fact]
    public void Quorum_fails_one_hundredth_of_a_square_metre_short_of_two_thirds() =>
        Assert.False(Thresholds.QuorumMet(new Totals(19999, 30), Electorate));

    [Fact]
    public void Quorum_fails_one_owner_short_of_two_thirds_even_with_all_the_area() =>
        Assert.False(Thresholds.QuorumMet(new Totals(30000, 19), Electorate));

    [Fact]
    public void Quorum_with_awkward_totals_uses_no_rounding()
    {
        // 2/3 of 100 heads is 66.67: 66 is not enough, 67 is.
        var electorate = new Totals(1_000_001, 100);
        Assert.False(Thresholds.QuorumMet(new Totals(1_000_001, 66), electorate));
        Assert.True(Thresholds.QuorumMet(new Totals(666_668, 67), electorate));
        Assert.False(Thresholds.QuorumMet(new Totals(666_667, 67), electorate));
    }

    [Theory]
    [InlineData(Matter.RaiseMaintenanceFund)]
    [InlineData(Matter.RebuildBuildings)]
    [InlineData(Matter.ChangeUseOfCommonParts)]
    public void Matters_6_to_8_pass_at_exactly_three_quarters_of_participating_area_and_owners(Matter matter)
    {
        var participating = new Totals(20000, 20);
        Assert.True(Thresholds.Approved(matter, new Totals(15000, 15), participating));
        Assert.False(Thresholds.Approved(matter, new Totals(14999, 15), participating));
        Assert.False(Thresholds.Approved(matter, new Totals(15000, 14), participating));
    }

    [Theory]
    [InlineData(Matter.RulesOfProcedure)]
    [InlineData(Matter.ManagementStatute)]
    [InlineData(Matter.ElectCommittee)]
    [InlineData(Matter.HireOrDismissManager)]
    [InlineData(Matter.UseMaintenanceFund)]
    [InlineData(Matter.OtherMajorMatter)]
    public void Other_matters_fail_at_exactly_one_half_and_pass_just_over_it(Matter matter)
    {
        var participating = new Totals(20000, 20);
        Assert.False(Thresholds.Approved(matter, new Totals(10000, 11), participating));
        Assert.False(Thresholds.Approved(matter, new Totals(10001, 10), participating));
        Assert.True(Thresholds.Approved(matter, new Totals(10001, 11), participating));
    }

    [Fact]
    public void Matter_5_using_the_fund_needs_only_more_than_half_not_three_quarters() =>
        Assert.True(Thresholds.Approved(Matter.UseMaintenanceFund, new Totals(10001, 11), new Totals(20000, 20)));

    [Fact]
    public void Approval_is_measured_against_participants_not_the_whole_electorate()
    {
        // 15 of 20 participants agree: 75 % of participants, but only half of the 30 owners.
        Assert.True(Thresholds.Passes(Matter.RebuildBuildings, new Totals(15000, 15), new Totals(20000, 20), Electorate));
    }

    [Fact]
    public void Abstentions_count_for_participation_only()
    {
        var vote = MotionVote(Matter.OtherMajorMatter, Electorate);
        var ballots = new[] { (Choice.Agree, 10001L), (Choice.Abstain, 9999L) };
        var counts = TallyStore.Sum(ballots.Select(b => new BallotChoice(b.Item1, []).Contribution(b.Item2)));
        Assert.Equal(new Totals(20000, 2), counts.Participating);
        Assert.Equal(new Totals(9999, 1), counts.Abstain);
        // 1 of 2 heads agree: exactly half of the participants, so it fails although nobody opposed.
        Assert.False(TallyCalculator.Compute(vote, counts).Passed);
    }

    [Fact]
    public void Nobody_taking_part_passes_nothing() =>
        Assert.False(Thresholds.Approved(Matter.OtherMajorMatter, default, default));

    [Fact]
    public void Election_seats_go_to_most_agreeing_area_then_heads_and_a_tie_at_the_last_seat_elects_nobody_automatically()
    {
        var vote = ElectionVote(seats: 2, "甲", "乙", "丙", "丁");
        var (a, b, c, d) = (vote.Candidates[0].Id, vote.Candidates[1].Id, vote.Candidates[2].Id, vote.Candidates[3].Id);
        var participating = new Totals(30000, 30);
        var counts = new TallyCounts(participating, default, default, default, new Dictionary<Guid, Totals>
        {
            [a] = new(20000, 20), // most area
            [b] = new(18000, 25), // more heads than c, same area
            [c] = new(18000, 16),
            [d] = new(15000, 15), // exactly half: not approved (more than half needed for matter 3)
        });
        var result = TallyCalculator.Compute(vote, counts);
        Assert.Equal([a, b], result.Candidates.Where(x => x.Elected).Select(x => x.CandidateId));
        Assert.False(result.Candidates.Single(x => x.CandidateId == d).Approved);
        Assert.True(result.Passed);

        var tied = counts with { CandidateAgree = new Dictionary<Guid, Totals> { [a] = new(20000, 20), [b] = new(18000, 16), [c] = new(18000, 16) } };
        var tiedResult = TallyCalculator.Compute(vote, tied);
        Assert.Equal([a], tiedResult.Candidates.Where(x => x.Elected).Select(x => x.CandidateId));
        Assert.Equal([b, c], tiedResult.Candidates.Where(x => x.TiedAtLastSeat).Select(x => x.CandidateId));
        Assert.False(tiedResult.Passed);
    }

    private static Vote MotionVote(Matter matter, Totals electorate)
    {
        var vote = new Vote(Guid.NewGuid(), "t", "", matter, VoteKind.Motion, Secrecy.Named, false, 0,
            TestRunClock.UtcNow, TestRunClock.UtcNow.AddDays(1), Guid.NewGuid(), null, [], TestRunClock.UtcNow);
        vote.Open(electorate.Area, electorate.Heads, (int)electorate.Heads, false, TestRunClock.UtcNow);
        return vote;
    }

    private static Vote ElectionVote(int seats, params string[] names)
    {
        var vote = new Vote(Guid.NewGuid(), "t", "", Matter.ElectCommittee, VoteKind.Election, Secrecy.Secret, false, seats,
            TestRunClock.UtcNow, TestRunClock.UtcNow.AddDays(1), Guid.NewGuid(), null,
            names.Select(n => new CandidatePerson($"user:{Guid.NewGuid()}", n, null, null, null, Guid.NewGuid())), TestRunClock.UtcNow);
        vote.Open(30000, 30, 30, false, TestRunClock.UtcNow);
        return vote;
    }
}
