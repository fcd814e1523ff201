using Microsoft.Data.Sqlite;

namespace Renovation.Community.Application.Common.Errors;

/// <summary>
/// SQLite allows one writer; a writer that cannot get the lock in time fails with SQLITE_BUSY (or SQLITE_LOCKED).
/// That says nothing about the request, so the work is retried rather than answered with a 500. (MySQL's deadlocks
/// are retried by its execution strategy.)
/// </summary>
public static class BusyDatabase
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
                return true;
        return false;
    }

    /// <summary>Runs the work again while the database reports it busy, a few times with growing pauses.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work();
            }
            catch (Exception e) when (attempt < 8 && IsBusy(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * attempt), ct);
            }
        }
    }
}
