using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Renovation.Community.Application.Data;

namespace Renovation.Community.Migrations.MySql;

/// <summary>Lets <c>dotnet ef</c> build the MySQL model offline: the server version is pinned, never detected.</summary>
public sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlAppDbContext>
{
    public MySqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MySqlAppDbContext>()
            .UseMySqlStore("Server=localhost;Database=design")
            .Options);
}
