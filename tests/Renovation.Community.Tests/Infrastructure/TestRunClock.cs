using System.Globalization;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// The China time of day a test run starts at, so no test passes only because of the hour CI happens to run.
/// <c>./scripts/test.sh</c> picks it from the commit (the same for a commit, different across commits) and exports
/// <c>RC_TEST_CHINA_TIME=HH:mm</c>; set the variable yourself to replay a run at any time of day. Unset, the clock is
/// the real one. Every clock of the run (the API's, the WeChat simulator's, every API process a test starts) is real
/// time plus <see cref="Offset"/>, so timers and timeouts still run in real time.
/// </summary>
public static class TestRunClock
{
    public const string ChinaTimeVariable = "RC_TEST_CHINA_TIME";

    /// <summary>How an API process started by a test learns the offset (read by <see cref="TestHostingStartup"/>).</summary>
    public const string OffsetVariable = "RC_TEST_CLOCK_OFFSET_TICKS";

    /// <summary>From now to the next instant whose China time of day is the chosen one; zero when none is chosen.</summary>
    public static TimeSpan Offset { get; } = Compute(Environment.GetEnvironmentVariable(ChinaTimeVariable), TimeProvider.System.GetUtcNow());

    /// <summary>Now by the run's clock, where no API clock is at hand (an API's own clock may have been moved on).</summary>
    public static DateTimeOffset UtcNow => TimeProvider.System.GetUtcNow() + Offset;

    public static TimeSpan Compute(string? chinaTime, DateTimeOffset utcNow)
    {
        if (string.IsNullOrWhiteSpace(chinaTime))
            return TimeSpan.Zero;
        if (!TimeOnly.TryParseExact(chinaTime.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var target))
            throw new InvalidOperationException($"{ChinaTimeVariable}='{chinaTime}' is not a time of day (HH:mm or HH:mm:ss).");
        return UntilNext(target, utcNow);
    }

    /// <summary>From <paramref name="utcNow"/> forward to the next instant at <paramref name="chinaTime"/> China time.</summary>
    public static TimeSpan UntilNext(TimeOnly chinaTime, DateTimeOffset utcNow) =>
        // TimeOnly subtraction wraps around midnight: the result is the forward distance, so a clock never runs back.
        chinaTime - TimeOnly.FromTimeSpan(utcNow.ToOffset(TimeSpan.FromHours(8)).TimeOfDay);
}
