using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Data;

public static class Transactions
{
    /// <summary>
    /// Runs work in one explicit transaction under the provider's execution strategy (MySQL retries deadlocks, which
    /// needs the whole unit replayable). Each attempt starts with an empty change tracker, so work must load what it
    /// changes inside the delegate.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        });
}
