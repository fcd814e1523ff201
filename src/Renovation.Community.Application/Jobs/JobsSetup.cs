using Quartz;

namespace Renovation.Community.Application.Jobs;

/// <summary>
/// Quartz.NET. Time-driven transitions are written as <b>sweeps</b>: a recurring job asks the database what is due
/// by <see cref="TimeProvider"/> now and moves it. A restart therefore loses nothing (the state is in the database,
/// not in scheduled triggers), tests drive them by moving the clock, and a sweep that runs twice changes nothing.
/// </summary>
public static class JobsSetup
{
    /// <summary>Quartz appends upper-case names (qrtz_JOB_DETAILS …), as the Notices migration creates them.</summary>
    public const string QuartzTablePrefix = "qrtz_";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, Action<IQuartzBuilder, JobsOptions>? jobs = null)
    {
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddOptions<JobsOptions>().Bind(builder.Configuration.GetSection(JobsOptions.Section));
        var provider = builder.Configuration["Database:Provider"];
        var clustered = options.Clustered
            && string.Equals(provider, nameof(Data.DatabaseProvider.MySql), StringComparison.OrdinalIgnoreCase);
        var connectionString = builder.Configuration.GetConnectionString(nameof(Data.DatabaseProvider.MySql));
        builder.Services.AddQuartz(q =>
        {
            // Every node shares one scheduler name: that is what makes them one cluster.
            q.ConfigureScheduler(s => s.InstanceName = "renovation");
            if (clustered && !string.IsNullOrEmpty(connectionString))
            {
                // On MySQL the schedule lives in the qrtz_* tables (created by the Notices migration from Quartz's own
                // MySQL InnoDB schema) and nodes take turns through database locks: each fire runs on one node only.
                q.UsePersistentStore(store =>
                {
                    store.UseMySqlConnector(MySqlConnector.MySqlConnectorFactory.Instance, connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds));
                    store.ConfigureStore(o => o.TablePrefix = QuartzTablePrefix);
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            jobs?.Invoke(q, options);
            q.AddJobListener<JobRunMetrics>(GroupMatcher<JobKey>.AnyGroup());
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<JobRunner>();
        return builder;
    }

    /// <summary>Names every sweep's trigger, so the sweeps can be found among the scheduler's jobs (<see cref="JobRunner.RunSweepsNowAsync"/>).</summary>
    public const string SweepTriggerSuffix = "-every";

    /// <summary>Registers a sweep that runs every <c>Jobs:SweepSeconds</c>, first shortly after start.</summary>
    public static IQuartzBuilder AddSweep<TJob>(this IQuartzBuilder q, JobsOptions options)
        where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name);
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        q.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + SweepTriggerSuffix)
            // Quartz schedules fires on the machine's clock; each job reads "now" from the registered TimeProvider.
            .StartAt(TimeProvider.System.GetUtcNow().AddSeconds(2))
            .WithSimpleSchedule(TimeSpan.FromSeconds(options.SweepSeconds)));
        return q;
    }
}
