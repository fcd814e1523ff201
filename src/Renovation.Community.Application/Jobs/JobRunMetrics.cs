using Quartz;
using Renovation.Community.Application.Common.Observability;

namespace Renovation.Community.Application.Jobs;

/// <summary>
/// Counts every finished run of every scheduled job (the sweeps and the reconciliation), by job and outcome, in the
/// product's meter. A listener rather than a line in each job, so a job added later is counted without remembering to.
/// </summary>
public sealed class JobRunMetrics(ProductMetrics metrics) : IJobListener
{
    public string Name => nameof(JobRunMetrics);

    // Quartz 4 listener members return ValueTask; a Task-returning lookalike compiles but is never called.
    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default)
    {
        metrics.JobRan(context.JobDetail.Key.Name, succeeded: jobException is null);
        return ValueTask.CompletedTask;
    }
}
