using Microsoft.EntityFrameworkCore;

namespace Renovation.Community.Application.Data;

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
