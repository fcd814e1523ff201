namespace Renovation.Community.Application.Common.Authorization;

/// <summary>
/// Names the scheduled job whose work is running, for the audit log: a sweep has no HTTP user, and an entry without
/// an actor cannot be told from start-up work. A job marks itself at the start of its run; the mark follows the run's
/// awaits (an <see cref="AsyncLocal{T}"/>) and ends with it.
/// </summary>
public static class JobActor
{
    private static readonly AsyncLocal<string?> Running = new();

    /// <summary>The job running on this flow, if any.</summary>
    public static string? Current => Running.Value;

    /// <summary>Marks the rest of the calling job's run as done by <paramref name="jobName"/>.</summary>
    public static IDisposable Run(string jobName)
    {
        var outer = Running.Value;
        Running.Value = jobName;
        return new Restore(outer);
    }

    private sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => Running.Value = outer;
    }
}
