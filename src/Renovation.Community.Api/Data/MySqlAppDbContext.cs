using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Renovation.Community.Api.Data;

/// <summary>MySQL / MariaDB through Pomelo: the system of record when running several nodes.</summary>
public sealed class MySqlAppDbContext(DbContextOptions<MySqlAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // datetime(6) keeps microseconds; every timestamp is kept to the millisecond instead (Timestamps).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Common.Time.Timestamps.Stored>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Common.Time.Timestamps.Stored>();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the MySQL model offline: the server version is pinned, never detected.</summary>
public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlAppDbContext>
{
    public MySqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlAppDbContext>()
            .UseMySql("Server=localhost;Database=design", DatabaseSetup.DefaultServerVersion)
            .Options);
}
