using Microsoft.EntityFrameworkCore;
using MySqlConnector;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// Which real database this test run uses. <c>RC_TEST_DB=MySql</c> with <c>RC_TEST_MYSQL</c> (a server connection
/// string) runs everything on MariaDB; the default is a SQLite file per test class.
/// </summary>
public static class TestDatabase
{
    public static DatabaseProvider Provider =>
        string.Equals(Environment.GetEnvironmentVariable("RC_TEST_DB"), "MySql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.MySql
            : DatabaseProvider.Sqlite;

    /// <summary>A connection string to a brand-new, empty database (the migrations create the schema).</summary>
    public static string NewConnectionString(string name)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "renovation-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"{name}.db")}";
        }
        var server = Environment.GetEnvironmentVariable("RC_TEST_MYSQL")
            ?? throw new InvalidOperationException("RC_TEST_DB=MySql needs RC_TEST_MYSQL (server connection string); run ./scripts/test.sh");
        return new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>A context on <paramref name="connectionString"/> outside any host, with the product's migrations.</summary>
    public static AppDbContext OpenContext(string connectionString) => Provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteStore(connectionString).Options)
        : new MySqlAppDbContext(new DbContextOptionsBuilder<MySqlAppDbContext>().UseMySqlStore(connectionString).Options);

    /// <summary>
    /// Closes the pooled connections of this one SQLite database so its file can be copied or deleted. Never every pool:
    /// <c>ClearAllPools</c> can dispose a connection another test class is reading with at that moment.
    /// </summary>
    public static void ClosePooledSqlite(string connectionString)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
    }

    public static async Task DropAsync(string connectionString)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            ClosePooledSqlite(connectionString);
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(file + suffix);
            return;
        }
        // Close this database's pooled connections now; idle ones would otherwise hold server connections for minutes.
        await using (var pooled = new MySqlConnection(connectionString))
            await MySqlConnection.ClearPoolAsync(pooled);
        var builder = new MySqlConnectionStringBuilder(connectionString);
        var database = builder.Database;
        builder.Database = "";
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
        await command.ExecuteNonQueryAsync();
    }
}
