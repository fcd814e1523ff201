using Renovation.Community.Application.Common.Money;

namespace Renovation.Community.Tests.Fund;

/// <summary>The one splitter every fund allocation uses: whole fen, exact sum, each part within one fen of its share.</summary>
public sealed class LargestRemainderTests
{
    [Fact]
    public void Parts_sum_exactly_and_the_leftover_fen_go_to_the_largest_remainders()
    {
        // 100 fen over 1:1:1 → 33.33 each: the one leftover fen goes to the first (ties to the earlier part).
        Assert.Equal([34, 33, 33], LargestRemainder.Split(100, [1, 1, 1]));
        // 10 fen over 8956 and 4521 hundredths of m²: exact 6.644 and 3.356 → 7 and 3 (remainder .644 beats .356).
        Assert.Equal([7, 3], LargestRemainder.Split(10, [8956, 4521]));
        Assert.Equal([0, 0], LargestRemainder.Split(0, [5, 7]));
        Assert.Equal([0, 5], LargestRemainder.Split(5, [0, 3]));
    }

    [Fact]
    public void Random_splits_are_exact_and_each_share_is_within_one_fen_of_its_exact_proportion()
    {
        var random = new Random(13);
        for (var round = 0; round < 2_000; round++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.NextInt64(0, 20_001)).ToArray();
            if (weights.Sum() == 0)
                weights[0] = 1;
            var total = random.NextInt64(0, 10_000_000_000);
            var parts = LargestRemainder.Split(total, weights);
            Assert.Equal(total, parts.Sum());
            var sum = (decimal)weights.Sum();
            for (var i = 0; i < parts.Length; i++)
            {
                var exact = total * (decimal)weights[i] / sum;
                Assert.True(Math.Abs(parts[i] - exact) < 1m, $"part {parts[i]} vs exact {exact}");
                Assert.True(parts[i] >= Math.Floor(exact));
            }
        }
    }

    [Fact]
    public void Huge_amounts_and_areas_do_not_overflow()
    {
        var parts = LargestRemainder.Split(long.MaxValue / 2, [long.MaxValue / 4, long.MaxValue / 4, 1]);
        Assert.Equal(long.MaxValue / 2, parts.Sum());
    }

    [Fact]
    public void Negative_totals_or_weights_and_all_zero_weights_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.Split(-1, [1]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1, [-1, 2]));
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(1, [0, 0]));
    }
}
