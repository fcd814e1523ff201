using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Renovation.Community.Application.Common;
using Renovation.Community.Application.Features.Audit;
using Renovation.Community.Application.Features.Realtime;

namespace Renovation.Community.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

public static class DatabaseSetup
{
    public static readonly ServerVersion DefaultServerVersion = new MariaDbServerVersion(new Version(10, 11, 0));

    /// <summary>Each provider's migrations live in a project of their own, which the host references.</summary>
    public const string SqliteMigrationsAssembly = "Renovation.Community.Migrations.Sqlite";
    public const string MySqlMigrationsAssembly = "Renovation.Community.Migrations.MySql";

    /// <summary>Registers <see cref="AppDbContext"/> for the configured provider, or stops the start with one clear line.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = ReadProvider(config["Database:Provider"]);
        var connectionString = config.GetConnectionString(provider.ToString());
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationProblem(
                $"ConnectionStrings:{provider} is missing: set it for Database:Provider={provider}.");

        builder.Services.AddSingleton(new DatabaseInfo(provider));
        // Contexts are pooled: building a DbContext's internal services (query translators, update pipeline) cost about
        // a tenth of the API's CPU per request when every request built its own. So the interceptors are singletons
        // and read the request's state (the actor) from ambient context, never from a scope.
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<OutboxSignalInterceptor>();

        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(connectionString);
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o
                .UseSqliteStore(connectionString, sqlite => sqlite.ExecutionStrategy(d => new SqliteBusyRetryStrategy(d)))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<OutboxSignalInterceptor>())
                .ConfigureWarnings(QuietExpectedRefusals));
        }
        else
        {
            var version = config["Database:ServerVersion"] is { Length: > 0 } v ? ServerVersion.Parse(v) : DefaultServerVersion;
            builder.Services.AddDbContextPool<AppDbContext, MySqlAppDbContext>((sp, o) => o
                .UseMySqlStore(connectionString, version, my => my.EnableRetryOnFailure(3))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<OutboxSignalInterceptor>(),
                    ForUpdateInterceptor.Instance)
                .ConfigureWarnings(QuietExpectedRefusals));
        }
        return builder;
    }

    /// <summary>SQLite with its migrations (the host, <c>dotnet ef</c>, tests and benchmarks all open it this way).</summary>
    public static TBuilder UseSqliteStore<TBuilder>(this TBuilder options, string connectionString,
        Action<SqliteDbContextOptionsBuilder>? more = null) where TBuilder : DbContextOptionsBuilder
    {
        options.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsAssembly(SqliteMigrationsAssembly);
            more?.Invoke(sqlite);
        });
        return options;
    }

    /// <summary>MySQL or MariaDB with its migrations; the server version is given, never detected.</summary>
    public static TBuilder UseMySqlStore<TBuilder>(this TBuilder options, string connectionString, ServerVersion? version = null,
        Action<MySqlDbContextOptionsBuilder>? more = null) where TBuilder : DbContextOptionsBuilder
    {
        options.UseMySql(connectionString, version ?? DefaultServerVersion, my =>
        {
            my.MigrationsAssembly(MySqlMigrationsAssembly);
            more?.Invoke(my);
        });
        return options;
    }

    /// <summary>
    /// EF logs every failed command and save at error level, SQL included. A lost race on a unique index is an
    /// expected refusal that the API answers with a 409, so those lines would page someone for a correct answer. Real
    /// faults still reach <c>ProblemExceptionHandler</c> (or the job runner), which logs them at error level.
    /// </summary>
    private static void QuietExpectedRefusals(WarningsConfigurationBuilder w) => w.Log(
        (CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));

    private static DatabaseProvider ReadProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return DatabaseProvider.Sqlite;
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new ConfigurationProblem($"Database:Provider '{value}' is unknown: use Sqlite or MySql.");
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
            Directory.CreateDirectory(folder);
    }

    /// <summary>Applies pending migrations; on SQLite also turns on WAL so readers do not block the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseInfo>().Provider;
        await SquashedChain.BaselineAsync(db, provider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SquashedChain)), ct);
        await db.Database.MigrateAsync(ct);
        if (provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider);
