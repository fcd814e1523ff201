using Quartz;

namespace Renovation.Community.Application.Jobs;

/// <summary>Runs a registered job now through the real scheduler and waits for it to finish (operations and tests).</summary>
public sealed class JobRunner(ISchedulerFactory schedulers)
{
    private const string RunIdKey = "run-now-id";

    public Task RunNowAsync<TJob>(CancellationToken ct = default) where TJob : IJob => RunNowAsync(new JobKey(typeof(TJob).Name), ct);

    /// <summary>Runs every registered sweep once, one after another, each to its end.</summary>
    public async Task RunSweepsNowAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var sweeps = (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), ct))
            .Where(t => t.Name.EndsWith(JobsSetup.SweepTriggerSuffix, StringComparison.Ordinal)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (sweeps.Count == 0)
            throw new InvalidOperationException("No sweep is registered with the scheduler.");
        foreach (var trigger in sweeps)
            await RunNowAsync((await scheduler.GetTrigger(trigger, ct))!.JobKey, ct);
    }

    private async Task RunNowAsync(JobKey key, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
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
