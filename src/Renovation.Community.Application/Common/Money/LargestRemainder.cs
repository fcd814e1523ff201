namespace Renovation.Community.Application.Common.Money;

/// <summary>
/// Splits a whole number of fen in proportion to weights (exclusive areas, balances) by the largest-remainder
/// (Hamilton) method: each part gets the floor of its exact share, and the fen left over go one each to the parts with
/// the largest remainders (ties to the earlier part, so the split is deterministic). The parts sum exactly to the
/// total and each part is within one fen of its exact share. Arithmetic is in 128 bits so fen × hundredths of m²
/// cannot overflow.
/// </summary>
public static class LargestRemainder
{
    public static long[] Split(long total, IReadOnlyList<long> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (weights.Any(w => w < 0))
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        var sum = (Int128)0;
        foreach (var w in weights)
            sum += w;
        var parts = new long[weights.Count];
        if (total == 0 || weights.Count == 0)
            return parts;
        if (sum == 0)
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));

        var remainders = new Int128[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)total * weights[i];
            parts[i] = (long)(exact / sum);
            remainders[i] = exact % sum;
            given += parts[i];
        }
        var left = total - given;   // always < weights.Count
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
            parts[i]++;
        return parts;
    }
}
