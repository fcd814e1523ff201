using System.Diagnostics;

namespace Renovation.Community.Tests.Foundation;

/// <summary>Starts the real API process with bad settings: it must stop at once with one clear line.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task The_migrate_command_applies_every_migration_and_exits()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var (exit, stderr) = await StartApi("migrate", "--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={file}",
                "--Auth:SigningKey=" + new string('k', 40));
            Assert.True(exit == 0, stderr);
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT COUNT(*) FROM __EFMigrationsHistory", connection);
            using var db = new Renovation.Community.Api.Data.SqliteDesignTimeFactory().CreateDbContext([]);
            Assert.Equal((long)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Count(),
                (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string StdErr)> StartApi(params string[] settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Renovation.Community.Api.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(dll);
        foreach (var s in settings)
            info.ArgumentList.Add(s);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        // Both pipes are drained: an unread stdout fills its buffer (the migrate command logs every migration) and
        // blocks the process, which then looks like a hang.
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
        await stdout;
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stderr.Trim());
    }

    [Fact]
    public async Task Unknown_database_provider_stops_the_start_with_one_line()
    {
        var (exit, stderr) = await StartApi("--Database:Provider=Oracle", "--Auth:SigningKey=" + new string('k', 40));
        Assert.Equal(2, exit);
        Assert.Equal("Configuration error: Database:Provider 'Oracle' is unknown: use Sqlite or MySql.", stderr);
    }

    [Fact]
    public async Task Missing_connection_string_stops_the_start_with_one_line()
    {
        var (exit, stderr) = await StartApi("--Database:Provider=MySql", "--Auth:SigningKey=" + new string('k', 40));
        Assert.Equal(2, exit);
        Assert.Equal("Configuration error: ConnectionStrings:MySql is missing: set it for Database:Provider=MySql.", stderr);
    }

    [Fact]
    public async Task Production_without_a_signing_key_refuses_to_start()
    {
        var (exit, stderr) = await StartApi("--ConnectionStrings:Sqlite=Data Source=/tmp/rc-never-created.db");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: Auth:SigningKey is missing", stderr);
        Assert.DoesNotContain('\n', stderr);
    }
}
