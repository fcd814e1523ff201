using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Renovation.Community.Application.Common.Payments;
using Renovation.Community.Tests.Infrastructure;
using Renovation.Community.Tests.Payments;

[assembly: HostingStartup(typeof(TestHostingStartup))]

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// What an API started as a separate process (<see cref="ApiProcess"/>) takes from the test run, without a switch in
/// the product: the run's shifted clock and, for the crash test, <see cref="CrashTestPurpose"/>. The process is started
/// with this assembly's deps file and <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c> naming this assembly; in-process test
/// hosts never name it, so it does nothing there. Registered before the API's own services, which add the system
/// clock only when none is registered.
/// </summary>
public sealed class TestHostingStartup : IHostingStartup
{
    public const string CrashTestPurposeVariable = "RC_TEST_CRASH_PURPOSE";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        if (long.TryParse(Environment.GetEnvironmentVariable(TestRunClock.OffsetVariable), out var ticks))
            services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromTicks(ticks)));
        if (Environment.GetEnvironmentVariable(CrashTestPurposeVariable) == "true")
            services.AddPaymentPurpose<CrashTestPurpose>();
    });
}
