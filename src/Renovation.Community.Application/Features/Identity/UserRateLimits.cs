using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Renovation.Community.Application.Features.Identity;

/// <summary>
/// One fixed window per user (<see cref="AuthOptions.UserPermitsPerMinute"/>), shared by every signed-in call and by
/// token refreshes: a user's limit follows the user, not the address, so people behind one address never hold each
/// other back. Idle windows are dropped by the limiter itself. The window is a rate kept by the limiter's own
/// stopwatch, not a time anyone reads, so it does not follow <see cref="TimeProvider"/>.
/// </summary>
public sealed class UserRateLimits(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.UserPermitsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one permit of the user's window; null when granted, otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(Guid userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
