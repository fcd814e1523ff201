using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class RaceGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Live",
                table: "UnitBindings",
                type: "tinyint(1)",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Live",
                table: "ProxyAuthorizations",
                type: "tinyint(1)",
                nullable: true);

            // Bindings and proxies that are pending (0) or approved (1) are live; ended ones stay NULL.
            migrationBuilder.Sql("UPDATE UnitBindings SET Live = 1 WHERE Status IN (0, 1)");
            migrationBuilder.Sql("UPDATE ProxyAuthorizations SET Live = 1 WHERE Status IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "IX_UnitBindings_UserId_UnitId_Live",
                table: "UnitBindings",
                columns: new[] { "UserId", "UnitId", "Live" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyAuthorizations_VoteId_OwnerPartyId_Live",
                table: "ProxyAuthorizations",
                columns: new[] { "VoteId", "OwnerPartyId", "Live" },
                unique: true);

            migrationBuilder.DropIndex(
                name: "IX_ProxyAuthorizations_VoteId_OwnerPartyId",
                table: "ProxyAuthorizations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProxyAuthorizations_VoteId_OwnerPartyId",
                table: "ProxyAuthorizations",
                columns: new[] { "VoteId", "OwnerPartyId" });

            migrationBuilder.DropIndex(
                name: "IX_UnitBindings_UserId_UnitId_Live",
                table: "UnitBindings");

            migrationBuilder.DropIndex(
                name: "IX_ProxyAuthorizations_VoteId_OwnerPartyId_Live",
                table: "ProxyAuthorizations");

            migrationBuilder.DropColumn(
                name: "Live",
                table: "UnitBindings");

            migrationBuilder.DropColumn(
                name: "Live",
                table: "ProxyAuthorizations");
        }
    }
}
