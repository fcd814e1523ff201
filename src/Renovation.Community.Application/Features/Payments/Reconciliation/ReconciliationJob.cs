using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using Renovation.Community.Application.Data;
using Renovation.Community.Application.Jobs;
using Renovation.Community.WeChat.Pay.TradeBills;
using Renovation.Community.Application.Common.Authorization;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

/// <summary>
/// Reconciles yesterday (China time) once WeChat Pay has its bill ready (about 10:00). Fires at 10:05 and, while the
/// bill is not ready yet, every 30 minutes until 13:35; a day already reconciled is skipped. On MySQL the scheduler is
/// clustered, so each fire runs on one node; a second run would change nothing anyway.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReconciliationJob(DailyReconciliation reconciliation, AppDbContext db, IOptions<JobsOptions> jobs,
    ILogger<ReconciliationJob> logger) : IJob
{
    /// <summary>China has no daylight saving time: a fixed +8 zone is exact and needs no tz database.</summary>
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        // The audit log names the job as the actor of what it changes.
        using var actor = JobActor.Run(nameof(ReconciliationJob));
        // Checked here rather than by leaving the trigger out: on MySQL a trigger once stored stays in the qrtz_ tables.
        if (!jobs.Value.DailyReconciliation)
            return;
        var billDate = reconciliation.TodayInChina.AddDays(-1);
        if (await db.ReconciliationDays.AnyAsync(d => d.BillDate == billDate, ct))
            return;
        try
        {
            await reconciliation.RunAsync(billDate, ct);
        }
        catch (TradeBillHashMismatchException e)
        {
            // A damaged download is never used; the next fire downloads it again.
            logger.LogError(e, "Trade bill of {BillDate} failed its SHA1 check; will retry", billDate);
        }
    }

    public static IQuartzBuilder Schedule(IQuartzBuilder q)
    {
        var key = new JobKey(nameof(ReconciliationJob));
        q.AddJob<ReconciliationJob>(j => j.WithIdentity(key).StoreDurably());
        q.AddTrigger(t => t.ForJob(key).WithIdentity($"{key.Name}-daily")
            .WithCronSchedule("0 5/30 10-13 * * ?", c => c.InTimeZone(China)));
        return q;
    }
}
