namespace Renovation.Community.Api.Features.Payments.Reconciliation;

/// <summary>
/// A fixed-size summary of a multiset of order numbers: per hash bucket, how many keys and the sum of their 64-bit
/// hashes. Two sides with equal buckets hold the same keys (up to a 2^-64 chance); only the buckets that differ need a
/// second, exact look. This is what lets "in our books but not in the bill" and "twice in the bill" be found over a
/// million rows in a constant 1.5 MB instead of a set of every key.
/// </summary>
internal sealed class KeyFingerprint
{
    public const int Buckets = 1 << 16;

    private readonly int[] _counts = new int[Buckets];
    private readonly ulong[] _sums = new ulong[Buckets];

    public void Add(string key)
    {
        var hash = Hash(key);
        var bucket = BucketOf(hash);
        _counts[bucket]++;
        _sums[bucket] += hash;
    }

    public static int Bucket(string key) => BucketOf(Hash(key));

    /// <summary>The buckets in which the two multisets differ.</summary>
    public HashSet<int> DifferingBuckets(KeyFingerprint other)
    {
        var differing = new HashSet<int>();
        for (var b = 0; b < Buckets; b++)
        {
            if (_counts[b] != other._counts[b] || _sums[b] != other._sums[b])
                differing.Add(b);
        }
        return differing;
    }

    private static int BucketOf(ulong hash) => (int)(hash >> 48);

    /// <summary>FNV-1a then a SplitMix64 finaliser: stable across processes (string.GetHashCode is not) and well mixed.</summary>
    private static ulong Hash(string key)
    {
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebUL;
        h ^= h >> 31;
        return h;
    }
}
