using Quartz;

namespace Renovation.Community.Application.Jobs;

/// <summary>Runs a registered job now through the real scheduler and waits for it to finish (operations and tests).</summary>
public sealed class JobRunner(ISchedulerFactory schedulers)
{
    private const string RunIdKey = "run-now-id";

    public async Task RunNowAsync<TJob>(CancellationToken ct = default) where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var key = new JobKey(typeof(TJob).Name);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Only this fire counts: a scheduled run that was already going may have seen an older clock.
        var runId = Guid.NewGuid().ToString("N");
        var listener = new CompletionListener(key, runId, done);
        scheduler.ListenerManager.AddJobListener(listener, [Matchers.Key(key)]);
        try
        {
            await scheduler.TriggerJob(key, new JobDataMap { [RunIdKey] = runId }, ct);
            await done.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    private sealed class CompletionListener(JobKey key, string runId, TaskCompletionSource done) : IJobListener
    {
        public string Name { get; } = $"run-now-{key.Name}-{Guid.NewGuid():N}";

        // Quartz 4 listener members return ValueTask; a Task-returning lookalike compiles but is never called.
        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default)
        {
            done.TrySetException(new InvalidOperationException($"Job {key} was vetoed"));
            return ValueTask.CompletedTask;
        }

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default)
        {
            if (context.MergedJobDataMap.GetString(RunIdKey) != runId)
                return ValueTask.CompletedTask;
            if (jobException is not null)
                done.TrySetException(jobException);
            else
                done.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
