using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Renovation.Community.Application.Data;
using Renovation.Community.Tests.Infrastructure;

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
            using var db = new Renovation.Community.Migrations.Sqlite.SqliteDesignTimeFactory().CreateDbContext([]);
            Assert.Equal((long)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Count(),
                (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            TestDatabase.ClosePooledSqlite($"Data Source={file}");
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string StdErr)> StartApi(params string[] settings)
    {
        var (exit, stderr, _) = await RunApi(settings);
        return (exit, stderr);
    }

    private static async Task<(int ExitCode, string StdErr, string StdOut)> RunApi(params string[] settings)
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
        var output = await stdout;
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stderr.Trim(), output);
    }

    /// <summary>A quick-start database of an earlier release (<c>./data</c>), made by the chain of migrations since squashed.</summary>
    [Fact]
    public async Task A_database_the_squashed_chain_finished_is_baselined_with_one_log_line_and_keeps_its_rows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-squashed-{Guid.NewGuid():N}.db");
        var migrate = new[] { "migrate", "--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={file}", "--Auth:SigningKey=" + new string('k', 40) };
        try
        {
            // The old chain built Initial's schema: build exactly that, then give it the old chain's history.
            List<string> all;
            await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteStore($"Data Source={file}").Options))
            {
                all = db.Database.GetMigrations().ToList();
                await db.GetService<IMigrator>().MigrateAsync(all[0]);
            }
            var initial = all[0];
            await Sql(file, "DELETE FROM __EFMigrationsHistory; " +
                "INSERT INTO __EFMigrationsHistory VALUES ('20261128005729_Foundation', '9.0.23'), ('20261129142935_Payments', '9.0.23'), " +
                $"('{SquashedChain.SqliteLast}', '9.0.23'); INSERT INTO Leases (Name, Holder, ExpiresAt) VALUES ('kept', 'test', 0)");

            var (exit, stderr, stdout) = await RunApi(migrate);

            Assert.True(exit == 0, stderr);
            Assert.Contains($"Database made by the migration chain squashed on 2026-12-07 (last: {SquashedChain.SqliteLast}): " +
                $"its schema is the one {initial} builds", stdout);
            // Marked as Initial, then brought up to date by the migrations after it.
            Assert.Equal(all, await History(file));
            Assert.Equal(1L, await Sql(file, "SELECT COUNT(*) FROM Leases WHERE Name = 'kept'"));
        }
        finally
        {
            TestDatabase.ClosePooledSqlite($"Data Source={file}");
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_the_squashed_chain_left_half_way_is_refused_with_what_to_do()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-halfway-{Guid.NewGuid():N}.db");
        var migrate = new[] { "migrate", "--Database:Provider=Sqlite", $"--ConnectionStrings:Sqlite=Data Source={file}", "--Auth:SigningKey=" + new string('k', 40) };
        try
        {
            await Sql(file, "CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL); " +
                "INSERT INTO __EFMigrationsHistory VALUES ('20261128005729_Foundation', '9.0.23'), ('20261128015616_Notices', '9.0.23')");

            var (exit, stderr, _) = await RunApi(migrate);

            Assert.Equal(2, exit);
            Assert.StartsWith("Configuration error: The database was made by migrations of an earlier release that stop at 20261128015616_Notices", stderr);
            Assert.Contains("delete ./data", stderr);
        }
        finally
        {
            TestDatabase.ClosePooledSqlite($"Data Source={file}");
            File.Delete(file);
        }
    }

    private static async Task<List<string>> History(string file)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<object?> Sql(string file, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = new Microsoft.Data.Sqlite.SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
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
    public async Task A_metrics_scrape_endpoint_without_a_scrape_token_refuses_to_start()
    {
        var (exit, stderr) = await StartApi("--Telemetry:Prometheus:Enabled=true", "--Auth:SigningKey=" + new string('k', 40),
            "--ConnectionStrings:Sqlite=Data Source=/tmp/rc-never-created.db");
        Assert.Equal(2, exit);
        Assert.Contains("Telemetry:Prometheus:ScrapeToken", stderr);
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
