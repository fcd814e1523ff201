using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// The migrations run once per test process, into a template database, and the demo data is seeded once, into a
/// second template made from the first by starting the API on it; every test class gets a copy of one of them. On
/// SQLite a copy is a file copy. MariaDB has no CREATE DATABASE … FROM TEMPLATE, so a copy replays the template's own
/// <c>SHOW CREATE TABLE</c> statements (foreign keys included) and copies its rows, which takes a fraction of running
/// the migrations and the seed. The API then starts on a database with nothing left to migrate or seed.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<Task<Template>> Migrated = new(CreateAsync);
    private static readonly Lazy<Task<Template>> Seeded = new(CreateSeededAsync);

    /// <summary>
    /// Makes database <paramref name="name"/> as a copy of the migrated template, or of the seeded one when
    /// <paramref name="seeded"/>; answers its connection string.
    /// </summary>
    public static string Copy(string name, bool seeded = false)
    {
        var template = (seeded ? Seeded : Migrated).Value.GetAwaiter().GetResult();
        var connectionString = TestDatabase.NewConnectionString(name);
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
            File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource,
                new SqliteConnectionStringBuilder(connectionString).DataSource);
        else
            CopyMySqlAsync(template, name).GetAwaiter().GetResult();
        return connectionString;
    }

    private sealed record Template(string ConnectionString, string Database, IReadOnlyList<string> CreateTables, IReadOnlyList<string> TablesWithRows);

    private static async Task<Template> CreateAsync()
    {
        var database = TemplateName("template");
        var connectionString = TestDatabase.NewConnectionString(database);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAsync(connectionString).GetAwaiter().GetResult();
        await using (var db = TestDatabase.OpenContext(connectionString))
            await db.Database.MigrateAsync();
        return await SnapshotAsync(connectionString, database);
    }

    /// <summary>
    /// The demo data, seeded by the API itself (as every class did at its start) on a copy of the migrated template.
    /// What only a running API owns is taken out afterwards: its leases (a class's API would wait for them to expire).
    /// Its schedule is in memory (<c>Jobs:Clustered=false</c>, as every class's), so no Quartz row is left behind.
    /// </summary>
    private static async Task<Template> CreateSeededAsync()
    {
        var database = TemplateName("seeded");
        var connectionString = Copy(database);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAsync(connectionString).GetAwaiter().GetResult();
        var seeder = ApiFactory.SeedingInto(connectionString);
        await seeder.InitializeAsync();
        await seeder.StopAsync();
        await using (var db = TestDatabase.OpenContext(connectionString))
            await db.Database.ExecuteSqlRawAsync("DELETE FROM `Leases`");
        return await SnapshotAsync(connectionString, database);
    }

    private static string TemplateName(string kind)
    {
        var name = $"rc_{kind}_{Environment.ProcessId}_{Guid.NewGuid():N}";
        return name.Length > 48 ? name[..48] : name;
    }

    private static async Task<Template> SnapshotAsync(string connectionString, string database)
    {
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            // Closes the pooled connection, so the file on disk is complete before it is copied.
            TestDatabase.ClosePooledSqlite(connectionString);
            return new Template(connectionString, database, [], []);
        }

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new MySqlCommand("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() " +
            "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var creates = new List<string>();
        var withRows = new List<string>();
        foreach (var table in tables)
        {
            await using (var show = new MySqlCommand($"SHOW CREATE TABLE `{table}`", connection))
            await using (var reader = await show.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                creates.Add(reader.GetString(1));
            }
            await using var count = new MySqlCommand($"SELECT EXISTS (SELECT 1 FROM `{table}`)", connection);
            if (Convert.ToInt64(await count.ExecuteScalarAsync()) == 1)
                withRows.Add(table);
        }
        return new Template(connectionString, database, creates, withRows);
    }

    private static async Task CopyMySqlAsync(Template template, string database)
    {
        var server = new MySqlConnectionStringBuilder(template.ConnectionString) { Database = "" };
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        // Foreign keys may name tables created later in the batch; the checks return with the session's end.
        var sql = $"CREATE DATABASE `{database}`; USE `{database}`; SET FOREIGN_KEY_CHECKS = 0;\n" +
            string.Join(";\n", template.CreateTables) + ";\n" +
            string.Concat(template.TablesWithRows.Select(t => $"INSERT INTO `{database}`.`{t}` SELECT * FROM `{template.Database}`.`{t}`;\n"));
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
