using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Data.Sqlite;
using Renovation.Community.Application.Data;
using Renovation.Community.Tests.Infrastructure;

namespace Renovation.Community.Tests.Fund;

/// <summary>
/// A database from before units had a building area, brought up to date by the migration <c>BuildingArea</c>: units keep
/// their exclusive area and get no building area (not known, so not guessed), and the splits already made say the area
/// they used (exclusive, the only one there was). Run on a SQLite file, like the other migration tests; the MySQL
/// migration runs the same two statements.
/// </summary>
public sealed class BuildingAreaMigrationTests
{
    [Fact]
    public async Task Existing_units_get_no_building_area_and_earlier_splits_are_marked_exclusive()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rc-building-area-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteStore($"Data Source={file}").Options))
            {
                var all = db.Database.GetMigrations().ToList();
                var buildingArea = all.FindIndex(m => m.EndsWith("_BuildingArea", StringComparison.Ordinal));
                Assert.True(buildingArea > 0);
                var migrator = db.GetService<IMigrator>();
                await migrator.MigrateAsync(all[buildingArea - 1]);

                // Rows as the earlier release wrote them (no parents: only the migration's own statements are under test).
                await Sql(file, """
                    PRAGMA foreign_keys = OFF;
                    INSERT INTO Units (Id, CommunityId, BuildingId, Number, ExclusiveAreaHundredths, AreaBasis, OwnerPartyId)
                      VALUES ('00000000-0000-0000-0000-0000000000A1', '00000000-0000-0000-0000-0000000000C1', '00000000-0000-0000-0000-0000000000B1', '101', 8956, 0, '00000000-0000-0000-0000-0000000000D1');
                    INSERT INTO FundWorksPlans (Id, CommunityId, Title, Category, Items, BudgetFen, Scope, BearerIds, State, DraftedBy, CreatedAt, Emergency, Version, ChargedAt)
                      VALUES ('00000000-0000-0000-0000-0000000000E1', '00000000-0000-0000-0000-0000000000C1', '已列支', 0, '', 100, 0, '[]', 2, '00000000-0000-0000-0000-0000000000F1', 0, 0, 1, 5),
                             ('00000000-0000-0000-0000-0000000000E2', '00000000-0000-0000-0000-0000000000C1', '草拟中', 0, '', 100, 0, '[]', 0, '00000000-0000-0000-0000-0000000000F1', 0, 0, 0, NULL);
                    INSERT INTO FundTopUpCampaigns (Id, CommunityId, VoteId, Title, Basis, RatePerSqmFen, DueBy, State, DueFen, PaidFen, Households, PaidHouseholds, CreatedBy, CreatedAt, InstalmentCount, IntervalMonths)
                      VALUES ('00000000-0000-0000-0000-000000000011', '00000000-0000-0000-0000-0000000000C1', '00000000-0000-0000-0000-000000000021', '按面积', 1, 500, 0, 0, 0, 0, 0, 0, '00000000-0000-0000-0000-0000000000F1', 0, 1, 0),
                             ('00000000-0000-0000-0000-000000000012', '00000000-0000-0000-0000-0000000000C1', '00000000-0000-0000-0000-000000000022', '补足', 0, NULL, 0, 0, 0, 0, 0, 0, '00000000-0000-0000-0000-0000000000F1', 0, 1, 0);
                    """);

                await migrator.MigrateAsync();
            }

            Assert.Equal(8956L, await Sql(file, "SELECT ExclusiveAreaHundredths FROM Units"));
            Assert.Equal(DBNull.Value, await Sql(file, "SELECT BuildingAreaHundredths FROM Units"));
            // AreaKind.Exclusive = 0 on the charged plan and the per-m² campaign; nothing on the draft and the shortfall.
            Assert.Equal("已列支:0|草拟中:-", await Sql(file,
                "SELECT group_concat(Title || ':' || coalesce(ChargedAreaBasis, '-'), '|') FROM (SELECT * FROM FundWorksPlans ORDER BY Id)"));
            Assert.Equal("按面积:0|补足:-", await Sql(file,
                "SELECT group_concat(Title || ':' || coalesce(AreaBasis, '-'), '|') FROM (SELECT * FROM FundTopUpCampaigns ORDER BY Id)"));
            Assert.Equal(0L, await Sql(file, "SELECT COUNT(*) FROM FundSettings"));
        }
        finally
        {
            TestDatabase.ClosePooledSqlite($"Data Source={file}");
            File.Delete(file);
        }
    }

    private static async Task<object?> Sql(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
