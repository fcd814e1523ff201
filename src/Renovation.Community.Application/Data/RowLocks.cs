using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Renovation.Community.Application.Data;

/// <summary>
/// Row locks for LINQ queries on MariaDB: <c>query.ForUpdate()</c> tags the query and <see cref="ForUpdateInterceptor"/>
/// appends <c>FOR UPDATE</c> to the SQL. Unlike <c>FromSql("… FOR UPDATE")</c>, whose SQL EF generates again on every
/// execution (its parameters defeat the command cache), a tagged LINQ query is translated once and cached. Only for
/// single-SELECT queries (no Include that splits, no set operations): MariaDB takes the clause on the outermost SELECT.
/// SQLite has one writer at a time and no such clause; there the tag is a comment and nothing more.
/// </summary>
public static class RowLocks
{
    public const string Tag = "FOR UPDATE";

    public static IQueryable<T> ForUpdate<T>(this IQueryable<T> query) => query.TagWith(Tag);
}

/// <summary>Appends <c>FOR UPDATE</c> to commands tagged by <see cref="RowLocks.ForUpdate{T}"/> (MariaDB only).</summary>
public sealed class ForUpdateInterceptor : DbCommandInterceptor
{
    public static readonly ForUpdateInterceptor Instance = new();

    private const string Prefix = "-- " + RowLocks.Tag + "\n";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbCommand command)
    {
        if (command.CommandText.StartsWith(Prefix, StringComparison.Ordinal))
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + " FOR UPDATE";
    }
}
