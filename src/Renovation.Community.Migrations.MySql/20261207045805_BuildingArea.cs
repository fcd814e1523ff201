using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.MySql
{
    /// <inheritdoc />
    public partial class BuildingArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BuildingAreaHundredths",
                table: "Units",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ChargedAreaBasis",
                table: "FundWorksPlans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AreaBasis",
                table: "FundTopUpCampaigns",
                type: "int",
                nullable: true);

            // Splits made before this migration counted exclusive area (the only area units had): their records say so.
            // Units' building areas stay NULL (not known) rather than copied from the exclusive area: docs/register-import.md.
            migrationBuilder.Sql("UPDATE FundWorksPlans SET ChargedAreaBasis = 0 WHERE ChargedAt IS NOT NULL");
            migrationBuilder.Sql("UPDATE FundTopUpCampaigns SET AreaBasis = 0 WHERE Basis = 1");

            migrationBuilder.CreateTable(
                name: "FundSettings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ChargesArea = table.Column<int>(type: "int", nullable: false),
                    CommonIncomeArea = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundSettings", x => x.CommunityId);
                    table.ForeignKey(
                        name: "FK_FundSettings_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundSettings");

            migrationBuilder.DropColumn(
                name: "BuildingAreaHundredths",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "ChargedAreaBasis",
                table: "FundWorksPlans");

            migrationBuilder.DropColumn(
                name: "AreaBasis",
                table: "FundTopUpCampaigns");
        }
    }
}
