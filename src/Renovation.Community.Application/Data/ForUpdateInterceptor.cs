using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Renovation.Community.Application.Data;

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
