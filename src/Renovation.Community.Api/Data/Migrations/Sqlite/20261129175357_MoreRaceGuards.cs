using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MoreRaceGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CityWide",
                table: "RoleGrants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Live",
                table: "Projects",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeveloperSlot",
                table: "OwnerParties",
                type: "INTEGER",
                nullable: true);

            // Rows written before these guards existed get their slot, so the unique indexes hold them too.
            migrationBuilder.Sql("UPDATE RoleGrants SET CityWide = 1 WHERE ScopeId IS NULL");
            migrationBuilder.Sql("UPDATE Projects SET Live = 1 WHERE State <> 4");
            migrationBuilder.Sql("UPDATE OwnerParties SET DeveloperSlot = 1 WHERE Kind = 2");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_UserId_Role_CityWide",
                table: "RoleGrants",
                columns: new[] { "UserId", "Role", "CityWide" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CommunityId_Live",
                table: "Projects",
                columns: new[] { "CommunityId", "Live" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnerParties_CommunityId_DeveloperSlot",
                table: "OwnerParties",
                columns: new[] { "CommunityId", "DeveloperSlot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoleGrants_UserId_Role_CityWide",
                table: "RoleGrants");

            migrationBuilder.DropIndex(
                name: "IX_Projects_CommunityId_Live",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_OwnerParties_CommunityId_DeveloperSlot",
                table: "OwnerParties");

            migrationBuilder.DropColumn(
                name: "CityWide",
                table: "RoleGrants");

            migrationBuilder.DropColumn(
                name: "Live",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DeveloperSlot",
                table: "OwnerParties");
        }
    }
}
