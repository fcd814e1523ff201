using Microsoft.EntityFrameworkCore;
using Renovation.Community.Api.Data;

namespace Renovation.Community.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_have_no_pending_model_changes()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for SqliteAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void MySql_migrations_have_no_pending_model_changes()
    {
        using var db = new MySqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run dotnet ef migrations add for MySqlAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
