using Microsoft.EntityFrameworkCore.Storage;
using Renovation.Community.Application.Common.Errors;

namespace Renovation.Community.Application.Data;

/// <summary>
/// SQLite's counterpart of MySQL's <c>EnableRetryOnFailure</c>: a unit of work (every <c>SaveChanges</c> and every
/// <see cref="Transactions.InTransactionAsync{T}"/>) that fails with SQLITE_BUSY is run again. Microsoft.Data.Sqlite
/// waits for the write lock up to the command timeout, polling; under a burst of writers on a busy machine a writer
/// can lose every poll until the timeout and then fail — which, outside the ballot box's own retry, was a 500 for
/// a request that did nothing wrong (a sign-in during a ballot storm). The code already runs under a retrying strategy
/// on MySQL, so every unit of work is replayable.
/// </summary>
public sealed class SqliteBusyRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    protected override bool ShouldRetryOn(Exception exception) => BusyDatabase.IsBusy(exception);
}
