using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Jobs;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// How many rows each table of the EF model holds: taken before and after a refused request to prove nothing was
/// written. Built from the model, so a new feature's tables are covered without editing this file.
/// </summary>
public sealed class RowCounts : IEquatable<RowCounts>
{
    private RowCounts(SortedDictionary<string, long> tables) => Tables = tables;

    public IReadOnlyDictionary<string, long> Tables { get; }

    public static Task<RowCounts> Of(ApiFactory factory) => factory.WithDb(async db =>
    {
        var names = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order().ToList();
        // One round trip for every table: on MariaDB a query per table made the counts the cost of a matrix test.
        var sql = string.Join(" UNION ALL ", names.Select((name, i) => $"SELECT {i} AS TableIndex, COUNT(*) AS RowCount FROM `{name}`"));
#pragma warning disable EF1002 // table names come from our own model, not from input
        var rows = await db.Database.SqlQueryRaw<TableCount>(sql).ToListAsync();
#pragma warning restore EF1002
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
            tables[names[(int)row.TableIndex]] = row.RowCount;
        return new RowCounts(tables);
    });

    private sealed class TableCount
    {
        public long TableIndex { get; set; }
        public long RowCount { get; set; }
    }

    /// <summary>
    /// The counts to compare against, taken once the sweeps have done what fell due. A class shares its API, so an
    /// earlier test may leave work scheduled (a publicity period that opens now); the sweep, every 30 s, doing it
    /// between this test's two counts is not a write of the request under test.
    /// </summary>
    public static async Task<RowCounts> Settled(ApiFactory factory)
    {
        await factory.Services.GetRequiredService<JobRunner>().RunSweepsNowAsync();
        return await Of(factory);
    }

    /// <summary>
    /// Counted but not compared, because something other than the request under test writes them: test users sign in
    /// lazily on their first request (and renew when a test moves the clock past the token's lifetime), so a refused
    /// request can be the one that creates their session; background singletons (dispatcher, chainer, …) insert
    /// their lease row the first time they run, and sweeps their cursor row, whenever that happens to be.
    /// </summary>
    private static readonly HashSet<string> NotCompared = ["RefreshTokens", "Leases", "OutboxCursors"];

    public bool Equals(RowCounts? other) => other is not null && Tables.Count == other.Tables.Count
        && Tables.All(t => other.Tables.TryGetValue(t.Key, out var n) && (n == t.Value || NotCompared.Contains(t.Key)));

    public override bool Equals(object? obj) => Equals(obj as RowCounts);

    public static bool operator ==(RowCounts? left, RowCounts? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(RowCounts? left, RowCounts? right) => !(left == right);

    public override int GetHashCode() =>
        Tables.Where(t => !NotCompared.Contains(t.Key)).Aggregate(0, (h, t) => HashCode.Combine(h, t.Key, t.Value));

    public override string ToString() => string.Join(", ", Tables.Select(t => $"{t.Key}={t.Value}"));
}
