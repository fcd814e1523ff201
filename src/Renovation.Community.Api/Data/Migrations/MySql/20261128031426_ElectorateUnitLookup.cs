using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class ElectorateUnitLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ElectorateUnits_UnitId_VoteId",
                table: "ElectorateUnits",
                columns: new[] { "UnitId", "VoteId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ElectorateUnits_UnitId_VoteId",
                table: "ElectorateUnits");
        }
    }
}
