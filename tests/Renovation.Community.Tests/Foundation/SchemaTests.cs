using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

/// <summary>
/// The migrations build exactly the schema recorded in <c>Foundation/Schema</c>. The records were first made by the
/// chain of 23 migrations per provider; the squash into one <c>Initial</c> changed four lines of them, column defaults
/// the chain added only to back-fill rows of its time (<c>FundAccounts.BuildingKey</c> on both providers,
/// <c>FundTopUpCampaigns.IntervalMonths</c> and <c>Payments.FailedRefundCount</c> on MariaDB), which the model does
/// not have. A later migration changes the record on purpose: <c>RC_WRITE_SCHEMA=1</c> rewrites it; review the diff.
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task The_migrations_build_the_recorded_schema()
    {
        var connectionString = TestDatabase.NewConnectionString($"rcschema_{Guid.NewGuid():N}");
        try
        {
            await using (var db = TestDatabase.OpenContext(connectionString))
                await db.Database.MigrateAsync();
            var dump = await SchemaDump.Of(connectionString);
            var record = RecordPath();
            if (Environment.GetEnvironmentVariable("RC_WRITE_SCHEMA") == "1")
                await File.WriteAllTextAsync(record, dump);
            Assert.Equal(await File.ReadAllTextAsync(record), dump);
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
        }
    }

    private static string RecordPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Schema", $"{TestDatabase.Provider.ToString().ToLowerInvariant()}.schema.txt");
}
