namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset the test can move forward. Unlike a frozen fake clock, timers and delays (HTTP retries,
/// Polly, SignalR) still run in real time, so moving "today" to next week never hangs a background wait.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
