using Microsoft.EntityFrameworkCore;
using Renovation.Community.Application.Common.Time;

namespace Renovation.Community.Application.Data;

/// <summary>The embedded provider for the quick-start and single-community pilots.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type and EF cannot order or compare it there; all our times are UTC, so
        // the binary form (ticks plus offset) sorts correctly. Values are kept to the millisecond (Timestamps).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Timestamps.StoredAsBinary>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<Timestamps.StoredAsBinary>();
    }
}
