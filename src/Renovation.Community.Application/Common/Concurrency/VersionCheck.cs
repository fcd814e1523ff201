using Renovation.Community.Application.Common.Errors;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Application.Common.Concurrency;

/// <summary>Optimistic concurrency for aggregates with an integer <c>Version</c> concurrency token.</summary>
public static class VersionCheck
{
    /// <summary>
    /// Applies the client's expected version to the tracked entity so the UPDATE fails if someone changed it since
    /// the client read it, even between this check and the save.
    /// </summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int? expected, Func<T, int> current) where T : class
    {
        if (expected is null)
            return;
        if (expected != current(entity))
            throw AppProblem.Conflict("stale_version", "数据已被他人修改，请刷新后重试").With("currentVersion", current(entity));
        db.Entry(entity).Property("Version").OriginalValue = expected.Value;
    }
}
