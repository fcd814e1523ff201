using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
        var tables = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
#pragma warning disable EF1002 // table names come from our own model, not from input
            tables[name] = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS Value FROM `{name}`").SingleAsync();
#pragma warning restore EF1002
        return new RowCounts(tables);
    });

    public bool Equals(RowCounts? other) => other is not null && Tables.Count == other.Tables.Count
        && Tables.All(t => other.Tables.TryGetValue(t.Key, out var n) && n == t.Value);

    public override bool Equals(object? obj) => Equals(obj as RowCounts);

    public override int GetHashCode() => Tables.Aggregate(0, (h, t) => HashCode.Combine(h, t.Key, t.Value));

    public override string ToString() => string.Join(", ", Tables.Select(t => $"{t.Key}={t.Value}"));
}
