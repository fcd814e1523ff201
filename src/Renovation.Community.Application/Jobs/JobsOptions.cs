namespace Renovation.Community.Application.Jobs;

/// <summary>Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the clock jobs look for things that fell due (publicity ends, votes open, orders expire).</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How often a clustered node checks in; a node silent for longer has its jobs recovered by another.</summary>
    public int ClusterCheckinSeconds { get; set; } = 7;

    /// <summary>
    /// Whether the daily reconciliation runs on its own (10:05–13:35 China time). Off on a system without a real
    /// merchant account, and in tests: it fires on the wall clock, not the test clock. The admin endpoint still runs
    /// any day on demand.
    /// </summary>
    public bool DailyReconciliation { get; set; } = true;
}
