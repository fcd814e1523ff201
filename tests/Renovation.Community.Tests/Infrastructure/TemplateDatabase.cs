using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// The migrations run once per test process, into a template database; every test class gets a copy of it. On SQLite
/// a copy is a file copy. MariaDB has no CREATE DATABASE … FROM TEMPLATE, so a copy replays the template's own
/// <c>SHOW CREATE TABLE</c> statements (foreign keys included) and its few rows (the migrations history), which takes
/// a fraction of running the migrations. The API then starts on a database with nothing left to migrate.
/// </summary>
public static class TemplateDatabase
{
    private static readonly Lazy<Task<Template>> Shared = new(CreateAsync);

    /// <summary>Makes database <paramref name="name"/> as a copy of the migrated template; answers its connection string.</summary>
    public static string Copy(string name)
    {
        var template = Shared.Value.GetAwaiter().GetResult();
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
        var database = $"rc_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..48];
        var connectionString = TestDatabase.NewConnectionString(database);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAsync(connectionString).GetAwaiter().GetResult();
        await using (var db = TestDatabase.OpenContext(connectionString))
            await db.Database.MigrateAsync();
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            // Closes the pooled connection, so the file on disk is complete before it is copied.
            SqliteConnection.ClearAllPools();
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
