using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Renovation.Community.Application.Features.Fund;
using Renovation.Community.Application.Features.Payments;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.QuickStart;

/// <summary>
/// The quick-start's payment loop with its embedded WeChat simulator: notifications go to the address the API was
/// started on (<c>--urls</c>, here a free port, not 5080), and the simulator keeps its port and orders under the data
/// directory, so a payment started before the quick-start is restarted is paid and credited after it. One test, two
/// API processes: each costs seconds.
/// </summary>
public sealed class QuickStartPaymentLoopTests
{
    [QuickStartFact]
    public async Task A_payment_started_before_a_restart_is_paid_in_the_simulator_after_it_and_credited_at_the_API_s_own_address()
    {
        var data = Path.Combine(Path.GetTempPath(), "renovation-tests", $"quick-start-data_{Guid.NewGuid():N}");
        var connectionString = TestDatabase.NewConnectionString($"rcqp_{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider.ToString(),
            [$"ConnectionStrings:{TestDatabase.Provider}"] = connectionString,
            ["Files:Root"] = Path.Combine(data, "files"),
            ["WeChat:Simulator:StateDirectory"] = Path.Combine(data, "wechat-simulator"),
            ["Fund:StatementLinkKeyFile"] = Path.Combine(data, "statement-link.key"),
        };
        var port = ApiProcess.FreePort();
        string? output = null;
        try
        {
            Guid paymentId;
            string outTradeNo;
            long paidFen, balanceBefore;
            Guid householdId;
            Uri simulatorBefore;
            using (var first = await ApiProcess.StartAsync(settings, port, seed: true, environment: "Development"))
            {
                output = first.Output;
                Assert.Contains($"WeChat simulator posts payment notifications to http://127.0.0.1:{port}/api/v1/payments/wechat-notify", first.Output);
                simulatorBefore = SimulatorUrl(first.Output);
                var resident = await SignIn(first.Url, "resident-a");
                var household = (await (await resident.GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK))
                    .First(h => h.Owing.Any(o => o.Purpose == "fund-top-up"));
                var owing = household.Owing.First(o => o.Purpose == "fund-top-up");
                (householdId, balanceBefore) = (household.Household.HouseholdId, household.Household.BalanceFen);
                var prepay = await (await resident.PostJson("/api/v1/payments", new { purpose = owing.Purpose, subjectId = owing.SubjectId }))
                    .ShouldBe<PrepayView>(HttpStatusCode.OK);
                (paymentId, outTradeNo, paidFen) = (prepay.Payment.Id, prepay.Payment.OutTradeNo, prepay.Payment.AmountFen);
                // SIGKILL: the simulator's state must already be on disk.
                first.KillHard();
            }

            using var second = await ApiProcess.StartAsync(settings, port, seed: true, environment: "Development");
            output = second.Output;
            var simulator = SimulatorUrl(second.Output);
            Assert.Equal(simulatorBefore, simulator);
            using var simulatorHttp = new HttpClient { BaseAddress = simulator };
            var paid = await simulatorHttp.PostAsync($"/simulator/orders/{outTradeNo}/pay", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

            var again = await SignIn(second.Url, "resident-a");
            var deadline = DateTime.UtcNow.AddSeconds(60);
            PaymentView payment;
            while ((payment = await (await again.GetAsync($"/api/v1/payments/{paymentId}")).ShouldBe<PaymentView>(HttpStatusCode.OK)).State != PaymentState.Paid)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The payment was not credited: {payment.State}");
                await Task.Delay(250);
            }
            var after = (await (await again.GetAsync("/api/v1/fund/mine")).ShouldBe<List<MyHouseholdView>>(HttpStatusCode.OK))
                .Single(h => h.Household.HouseholdId == householdId);
            Assert.Equal(balanceBefore + paidFen, after.Household.BalanceFen);
        }
        catch (Exception e) when (output is not null)
        {
            throw new Xunit.Sdk.XunitException($"{e}\n--- API output ---\n{output}");
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
            if (Directory.Exists(data))
                Directory.Delete(data, recursive: true);
        }
    }

    private static Uri SimulatorUrl(string output) =>
        new(Regex.Match(output, @"WeChat simulator \(login, pay page\): (\S+)").Groups[1].Value);

    private static async Task<HttpClient> SignIn(Uri url, string username)
    {
        var client = new HttpClient { BaseAddress = url };
        var login = await (await client.PostJson("/api/v1/auth/dev-login", new { username })).ShouldBe<JsonElement>(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("tokens").GetProperty("accessToken").GetString());
        return client;
    }
}
