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
    /// On MySQL the schedule is shared by every node through the database (the default). <c>false</c> keeps it in
    /// memory, for a single node: the API tests do so, since each class runs one node and a clustered fire costs tens
    /// of statements; the two-node and crash tests run the clustered default.
    /// </summary>
    public bool Clustered { get; set; } = true;

    /// <summary>
    /// Whether the daily reconciliation runs on its own (10:05–13:35 China time). Off on a system without a real
    /// merchant account, and in tests: it fires on the wall clock, not the test clock. The admin endpoint still runs
    /// any day on demand.
    /// </summary>
    public bool DailyReconciliation { get; set; } = true;
}
