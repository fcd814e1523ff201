namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset the test can move forward. Unlike a frozen fake clock, timers and delays (HTTP retries,
/// Polly, SignalR) still run in real time, so moving "today" to next week never hangs a background wait. It starts at
/// the run's offset (<see cref="TestRunClock"/>).
/// </summary>
public sealed class ShiftedClock(TimeSpan initialOffset) : TimeProvider
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private long _offsetTicks = initialOffset.Ticks;

    public ShiftedClock() : this(TestRunClock.Offset)
    {
    }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Today's date in China by this clock.</summary>
    public DateOnly ChinaToday => DateOnly.FromDateTime(GetUtcNow().ToOffset(China).DateTime);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>
    /// Moves the clock forward to the next instant at <paramref name="chinaTime"/> (China time of day), for a test that
    /// pins a time-of-day boundary. Answers that instant.
    /// </summary>
    public DateTimeOffset AdvanceToNext(TimeOnly chinaTime)
    {
        var now = GetUtcNow();
        var by = TestRunClock.UntilNext(chinaTime, now);
        Advance(by);
        return (now + by).ToOffset(China);
    }
}
