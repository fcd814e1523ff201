using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Tests.Infrastructure;

/// <summary>
/// A database's schema as sorted text, one line per column, index, key, constraint and trigger: what a migration made,
/// independent of the order it made it in (a chain appends columns, a single migration writes them in model order).
/// The migrations history is left out: it says how the schema was made, not what it is.
/// </summary>
public static partial class SchemaDump
{
    private const string History = "__EFMigrationsHistory";

    public static Task<string> Of(string connectionString) =>
        TestDatabase.Provider == DatabaseProvider.Sqlite ? OfSqlite(connectionString) : OfMySql(connectionString);

    private static async Task<string> OfSqlite(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var tables = await Rows(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '{History}'");
        foreach (var table in tables.Select(t => (string)t[0]!))
        {
            lines.Add($"table {table}");
            foreach (var c in await Rows(connection, $"PRAGMA table_info(\"{table}\")"))
                lines.Add($"column {table}.{c[1]} {c[2]} notnull={c[3]} default={c[4] ?? "none"} pk={c[5]}");
            foreach (var i in await Rows(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var name = (string)i[1]!;
                var columns = string.Join(",", (await Rows(connection, $"PRAGMA index_info(\"{name}\")")).OrderBy(r => (long)r[0]!).Select(r => r[2]));
                var partial = (long)i[4]! == 1 ? " where " + Normalise(WhereClause().Match((string)(await Rows(connection,
                    $"SELECT sql FROM sqlite_master WHERE name = '{name}'"))[0][0]!).Groups[1].Value) : "";
                // Indexes made by a PRIMARY KEY or UNIQUE constraint are numbered by SQLite, not named by us.
                var shownName = (string)i[3]! == "c" ? name : $"({i[3]})";
                lines.Add($"index {table}.{shownName} unique={i[2]} ({columns}){partial}");
            }
            foreach (var key in (await Rows(connection, $"PRAGMA foreign_key_list(\"{table}\")")).GroupBy(r => (long)r[0]!))
            {
                var k = key.OrderBy(r => (long)r[1]!).ToList();
                lines.Add($"foreign key {table}({string.Join(",", k.Select(r => r[3]))}) -> {k[0][2]}({string.Join(",", k.Select(r => r[4]))}) " +
                    $"on delete {k[0][6]} on update {k[0][5]}");
            }
        }
        foreach (var other in await Rows(connection, "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"))
            lines.Add($"{other[0]} {other[1]} {Normalise((string)other[2]!)}");
        return Sorted(lines);
    }

    private static async Task<string> OfMySql(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        var here = $"TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '{History}'";
        foreach (var t in await Rows(connection, $"SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE {here}"))
            lines.Add($"table {t[0]} engine={t[1]} collation={t[2]}");
        foreach (var c in await Rows(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, " +
            $"CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS WHERE {here}"))
            lines.Add($"column {c[0]}.{c[1]} {c[2]} nullable={c[3]} default={c[4] ?? "none"} extra={c[5]} charset={c[6]} collation={c[7]}");
        foreach (var index in (await Rows(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART " +
            $"FROM information_schema.STATISTICS WHERE {here}")).GroupBy(r => ((string)r[0]!, (string)r[1]!)))
        {
            var columns = string.Join(",", index.OrderBy(r => Convert.ToInt64(r[3])).Select(r => r[5] is null ? $"{r[4]}" : $"{r[4]}({r[5]})"));
            lines.Add($"index {index.Key.Item1}.{index.Key.Item2} unique={(Convert.ToInt64(index.First()[2]) == 0 ? 1 : 0)} ({columns})");
        }
        foreach (var key in (await Rows(connection, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME, " +
            "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k " +
            "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.TABLE_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME " +
            "AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE()")).GroupBy(r => ((string)r[0]!, (string)r[1]!)))
        {
            var k = key.OrderBy(r => Convert.ToInt64(r[2])).ToList();
            lines.Add($"foreign key {key.Key.Item1}.{key.Key.Item2} ({string.Join(",", k.Select(r => r[3]))}) -> {k[0][4]}" +
                $"({string.Join(",", k.Select(r => r[5]))}) on delete {k[0][6]} on update {k[0][7]}");
        }
        foreach (var check in await Rows(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS " +
            "WHERE CONSTRAINT_SCHEMA = DATABASE()"))
            lines.Add($"check {check[0]}.{check[1]} {Normalise((string)check[2]!)}");
        foreach (var trigger in await Rows(connection, "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, " +
            "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()"))
            lines.Add($"trigger {trigger[0]}.{trigger[1]} {trigger[2]} {trigger[3]} {Normalise((string)trigger[4]!)}");
        return Sorted(lines);
    }

    private static async Task<List<object?[]>> Rows(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static string Normalise(string sql) => Whitespace().Replace(sql, " ").Trim();

    private static string Sorted(List<string> lines) =>
        new StringBuilder().AppendJoin('\n', lines.Order(StringComparer.Ordinal)).Append('\n').ToString();

    [GeneratedRegex(@"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex WhereClause();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
