using Quartz;

namespace Renovation.Community.Api.Jobs;

/// <summary>Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often the clock jobs look for things that fell due (publicity ends, votes open, orders expire).</summary>
    public int SweepSeconds { get; set; } = 30;
}

/// <summary>
/// Quartz.NET. Time-driven transitions are written as <b>sweeps</b>: a recurring job asks the database what is due
/// by <see cref="TimeProvider"/> now and moves it. A restart therefore loses nothing (the state is in the database,
/// not in scheduled triggers), tests drive them by moving the clock, and a sweep that runs twice changes nothing.
/// </summary>
public static class JobsSetup
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder, Action<IQuartzBuilder, JobsOptions>? jobs = null)
    {
        var options = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddOptions<JobsOptions>().Bind(builder.Configuration.GetSection(JobsOptions.Section));
        builder.Services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            jobs?.Invoke(q, options);
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddSingleton<JobRunner>();
        return builder;
    }

    /// <summary>Registers a sweep that runs every <c>Jobs:SweepSeconds</c>, first shortly after start.</summary>
    public static IQuartzBuilder AddSweep<TJob>(this IQuartzBuilder q, JobsOptions options)
        where TJob : IJob
    {
        var key = new JobKey(typeof(TJob).Name);
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().DisallowConcurrentExecution());
        q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}-every")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
            .WithSimpleSchedule(TimeSpan.FromSeconds(options.SweepSeconds)));
        return q;
    }
}
