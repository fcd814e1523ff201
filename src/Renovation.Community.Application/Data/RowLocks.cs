using Microsoft.EntityFrameworkCore;

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
