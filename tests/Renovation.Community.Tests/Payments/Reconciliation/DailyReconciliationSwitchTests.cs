using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Api.Features.Payments.Reconciliation;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Payments.Reconciliation;

/// <summary><c>Jobs:DailyReconciliation</c>: the scheduled job reconciles yesterday when on and writes nothing when off.</summary>
public sealed class DailyReconciliationSwitchTests
{
    public sealed class On : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DailyReconciliation"] = "true" };
    }

    public sealed class Off(ApiFactory api) : IClassFixture<ApiFactory>
    {
        [Fact]
        public async Task When_off_the_daily_job_writes_nothing() =>
            Assert.Equal(0, await RunJobAndCountDays(api));
    }

    public sealed class WhenOn(On api) : IClassFixture<On>
    {
        [Fact]
        public async Task When_on_the_daily_job_reconciles_yesterday() =>
            Assert.Equal(1, await RunJobAndCountDays(api));
    }

    private static async Task<int> RunJobAndCountDays(ApiFactory api)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var job = ActivatorUtilities.CreateInstance<ReconciliationJob>(scope.ServiceProvider);
            await job.Execute(null!, CancellationToken.None);
        }
        return await api.WithDb(db => db.ReconciliationDays.CountAsync());
    }
}
