using Quartz;

namespace Renovation.Community.Application.Features.Payments.Reconciliation;

public static class ReconciliationSetup
{
    public static WebApplicationBuilder AddReconciliation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DailyReconciliation>();
        return builder;
    }

    /// <summary>The daily job (10:05 China time, retried while the bill is not ready).</summary>
    public static IQuartzBuilder AddReconciliationJob(this IQuartzBuilder q) => ReconciliationJob.Schedule(q);
}
