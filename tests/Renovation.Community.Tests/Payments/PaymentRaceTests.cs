using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Application.Jobs;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.WeChat.Pay;
using Renovation.Community.WeChatSimulator.Pay;

namespace Renovation.Community.Tests.Payments;

/// <summary>Every path that learns of a payment, at once, on one order: exactly one credit (truly concurrent on MariaDB).</summary>
public sealed class PaymentRaceTests(PaymentRaceTests.Factory api) : IClassFixture<PaymentRaceTests.Factory>
{
    /// <summary>Polls may query WeChat every time, so they really race the notification and the sweep.</summary>
    public sealed class Factory : ApiFactory
    {
        // Its settings do not touch the demo data: it starts on a copy of the run's seeded template.
        protected override bool SharesSeededTemplate => true;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Payments:QueryMinIntervalSeconds"] = "0",
            ["Payments:SilentAfterSeconds"] = "1",
        };
    }

    private readonly PaymentsWorld _world = new(api);

    [Fact]
    public async Task Notifications_client_queries_the_sweep_and_direct_settlements_racing_on_one_order_credit_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var prepay = await _world.Prepay(await _world.NewSubject(amountFen: 4321));
            var outTradeNo = prepay.Payment.OutTradeNo;
            await api.WeChat.PayAsync(outTradeNo, new PaymentOptions { SuppressNotification = true });
            var answer = await api.Services.GetRequiredService<IWeChatPayClient>().QueryOrderAsync(outTradeNo);
            await Task.Delay(1100);

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task Go(Func<Task> work)
            {
                await start.Task;
                await work();
            }
            var client = await api.ClientFor("resident-a");
            var racers = new List<Task>();
            for (var i = 0; i < 6; i++)
                racers.Add(Go(() => client.GetAsync($"/api/v1/payments/{prepay.Payment.Id}")));
            for (var i = 0; i < 6; i++)
                racers.Add(Go(async () =>
                {
                    await using var scope = api.Services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<IPaymentSettlement>()
                        .ApplyTransactionAsync(answer, SettlementSource.Notification);
                }));
            racers.Add(Go(() => api.Services.GetRequiredService<JobRunner>().RunNowAsync<PaymentSweep>()));
            racers.Add(Go(() => api.WeChat.PayAsync(outTradeNo)));   // no-op: already paid; kept for symmetry
            start.SetResult();
            await Task.WhenAll(racers);

            var row = await _world.Row(prepay.Payment.Id);
            Assert.Equal(PaymentState.Paid, row.State);
            Assert.Equal(1, await _world.PurposeCredits(row.Id));
            Assert.Equal(1, await _world.CountEvents(PaymentEvents.Paid, row.Id));
        }
    }
}
