using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common;

namespace Renovation.Community.Application.Data;

/// <summary>
/// On 2026-12-07 the 23 migrations of each provider were squashed into one <c>Initial</c> migration. A database the old
/// chain finished has the schema <c>Initial</c> builds (four column defaults that only back-filled old rows aside), so
/// it is marked as migrated by <c>Initial</c> instead of being rebuilt; a database the chain left half-way is refused
/// with what to do, since no migration here can finish it.
/// </summary>
public static class SquashedChain
{
    public const string SqliteLast = "20261130035242_OutboxDispatchIndexes";
    public const string MySqlLast = "20261130035246_OutboxDispatchIndexes";

    /// <summary>Run before migrating: answers whether the history was rewritten.</summary>
    public static async Task<bool> BaselineAsync(AppDbContext db, DatabaseProvider provider, ILogger logger, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 || applied.Intersect(known).Any())
            return false;
        var last = provider == DatabaseProvider.Sqlite ? SqliteLast : MySqlLast;
        if (!applied.Contains(last))
            throw new ConfigurationProblem($"The database was made by migrations of an earlier release that stop at {applied.Max()}, " +
                $"before {last}: start the release of 2026-11-30 on it once to finish them, or (the quick-start) delete ./data to start afresh.");

        var initial = known[0];
        var efVersion = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM __EFMigrationsHistory", ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ({0}, {1})",
            [initial, efVersion], ct);
        await transaction.CommitAsync(ct);
        logger.LogWarning("Database made by the migration chain squashed on 2026-12-07 (last: {Last}): its schema is the one " +
            "{Initial} builds, so its history now names {Initial} in place of the chain; no table was changed", last, initial, initial);
        return true;
    }
}
