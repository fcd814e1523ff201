using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Payments.Reconciliation;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Payments.Reconciliation;

/// <summary>
/// <c>Jobs:DailyReconciliation</c>: the scheduled job reconciles yesterday (China time) when on and writes nothing when
/// off. Each test pins its own China time of day, so none depends on the hour the suite runs at.
/// </summary>
public sealed class DailyReconciliationSwitchTests
{
    private static readonly TimeOnly FirstFire = new(10, 5);

    public sealed class On : ApiFactory
    {
        // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
        protected override bool SharesSeededTemplate => true;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jobs:DailyReconciliation"] = "true" };
    }

    public sealed class Off(ApiFactory api) : IClassFixture<ApiFactory>
    {
        [Fact]
        public async Task When_off_the_daily_job_writes_nothing_even_at_its_hour()
        {
            api.Clock.AdvanceToNext(FirstFire);
            Assert.False(await RunJobAndFindYesterday(api));
            Assert.Equal(0, await api.WithDb(db => db.ReconciliationDays.CountAsync()));
        }
    }

    public sealed class WhenOn(On api) : IClassFixture<On>
    {
        [Fact]
        public async Task When_on_the_daily_job_reconciles_yesterday_at_its_first_fire() =>
            Assert.True(await RunJobAndFindYesterday(api, at: FirstFire));

        /// <summary>WeChat publishes a day's bill at 10:00 the next day: before that, "no statement" means "not yet".</summary>
        [Fact]
        public async Task At_09_59_59_a_missing_bill_is_not_yet_due_and_at_10_00_00_the_day_had_no_transactions()
        {
            Assert.False(await RunJobAndFindYesterday(api, at: new TimeOnly(9, 59, 59)));
            Assert.True(await RunJobAndFindYesterday(api, at: new TimeOnly(10, 0, 0)));
        }
    }

    /// <summary>Moves the clock to the next <paramref name="at"/> (China time), fires the job, and answers whether yesterday is reconciled.</summary>
    private static async Task<bool> RunJobAndFindYesterday(ApiFactory api, TimeOnly? at = null)
    {
        if (at is { } time)
            api.Clock.AdvanceToNext(time);
        var yesterday = api.Clock.ChinaToday.AddDays(-1);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var job = ActivatorUtilities.CreateInstance<ReconciliationJob>(scope.ServiceProvider);
            await job.Execute(null!, CancellationToken.None);
        }
        return await api.WithDb(db => db.ReconciliationDays.AnyAsync(d => d.BillDate == yesterday));
    }
}
