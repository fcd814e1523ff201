using Microsoft.EntityFrameworkCore;
using Renovation.Community.Migrations.MySql;
using Renovation.Community.Migrations.Sqlite;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_have_no_pending_model_changes()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteAppDbContext (docs/architecture.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void MySql_migrations_have_no_pending_model_changes()
    {
        using var db = new MySqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for MySqlAppDbContext (docs/architecture.md)");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}

public sealed class RowCountsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Row_counts_cover_every_table_of_the_model()
    {
        var counts = await RowCounts.Of(api);
        var tables = await api.WithDb(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet()));
        Assert.Equal(tables.Order(), counts.Tables.Keys.Order());
        Assert.Contains("VoteTallies", counts.Tables.Keys);
        Assert.Contains("RefreshTokens", counts.Tables.Keys);
        Assert.Contains("Leases", counts.Tables.Keys);
    }
}
