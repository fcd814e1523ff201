using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Authorization;
using Renovation.Community.Application.Features.Identity;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Identity;

/// <summary>
/// The first administrator outside Development: <c>dotnet Renovation.Community.Api.dll grant-role --role CityAdmin
/// --user &lt;openid or user id&gt;</c>, run as the real process (Production) on a real database of this run's provider.
/// The refusals are the same entry point called in-process on an API's services: a process per refusal would cost
/// seconds of start-up each to check one line.
/// </summary>
public sealed class GrantRoleCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Grant_role_makes_the_first_city_admin_for_an_openid_nobody_has_signed_in_with_and_audits_it()
    {
        var openId = "o" + Guid.NewGuid().ToString("N")[..27];
        await WithDatabase(async connectionString =>
        {
            var (exit, stdout, stderr) = await Run(connectionString, "grant-role", "--role", "CityAdmin", "--user", openId);

            Assert.True(exit == 0, stderr);
            var user = await Query(connectionString, db => db.Users.SingleAsync(u => u.OpenId == openId));
            Assert.Contains($"Granted CityAdmin over the whole city to user {user.Id} (openid {openId}, created now", stdout);
            var grant = await Query(connectionString, db => db.RoleGrants.SingleAsync(g => g.UserId == user.Id));
            Assert.Equal((Role.CityAdmin, null, true), (grant.Role, grant.ScopeId, grant.CityWide));
            var audited = await Query(connectionString, db => db.AuditLog.Where(a => a.EntityType == nameof(RoleGrant) && a.EntityId == grant.Id.ToString())
                .Select(a => a.Actor).ToListAsync());
            Assert.Equal(["command:grant-role"], audited);

            // Run again (a repeated deployment script): nothing changes, and it still succeeds.
            (exit, stdout, stderr) = await Run(connectionString, "grant-role", "--role=CityAdmin", $"--user={user.Id}");
            Assert.True(exit == 0, stderr);
            Assert.Contains("already holds CityAdmin over the whole city; nothing changed.", stdout);
            Assert.Equal(1, await Query(connectionString, db => db.RoleGrants.CountAsync(g => g.UserId == user.Id)));
        });
    }

    [Theory]
    [InlineData("Emperor", "o1234567890123456789012345678", "Unknown role 'Emperor'.")]
    [InlineData("CommitteeMember", "o1234567890123456789012345678", "grant-role grants only the city-wide roles CityAdmin and FinanceOfficer")]
    [InlineData("CityAdmin", "0190f5a4-0000-7000-8000-000000000001", "No user has the id 0190f5a4-0000-7000-8000-000000000001.")]
    [InlineData("CityAdmin", "not an openid!", "'not an openid!' is neither a user id nor a WeChat openid.")]
    [InlineData("CityAdmin", "", "grant-role needs --role and --user.")]
    public async Task A_wrong_role_or_user_exits_non_zero_with_a_clear_line_and_grants_nothing(string role, string user, string message)
    {
        var before = await api.WithDb(db => db.RoleGrants.CountAsync());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await GrantRoleCommand.RunAsync(api.Services, ["grant-role", "--role", role, "--user", user], output, error);

        Assert.Equal(GrantRoleCommand.Refused, exit);
        Assert.StartsWith(message, error.ToString());
        Assert.Equal("", output.ToString());
        Assert.Equal(before, await api.WithDb(db => db.RoleGrants.CountAsync()));
    }

    private static async Task WithDatabase(Func<string, Task> test)
    {
        var connectionString = TemplateDatabase.Copy($"rc_grant_{Guid.NewGuid():N}");
        try
        {
            await test(connectionString);
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
        }
    }

    private static async Task<T> Query<T>(string connectionString, Func<Renovation.Community.Application.Data.AppDbContext, Task<T>> read)
    {
        await using var db = TestDatabase.OpenContext(connectionString);
        return await read(db);
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> Run(string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Renovation.Community.Api.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.ArgumentList.Add($"--Database:Provider={TestDatabase.Provider}");
        info.ArgumentList.Add($"--ConnectionStrings:{TestDatabase.Provider}={connectionString}");
        info.ArgumentList.Add("--Auth:SigningKey=" + new string('k', 40));
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        // Both pipes are drained, or a full stdout buffer would block the process.
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await stdout;
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output, stderr.Trim());
    }
}
