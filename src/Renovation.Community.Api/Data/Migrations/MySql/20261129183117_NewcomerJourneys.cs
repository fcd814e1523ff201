using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class NewcomerJourneys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinimumNoticeDays",
                table: "VotingSettings",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MismatchReason",
                table: "UnitBindings",
                type: "varchar(200)",
                maxLength: 200,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<int>(
                name: "HoldReason",
                table: "PublicityComments",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinimumNoticeDays",
                table: "VotingSettings");

            migrationBuilder.DropColumn(
                name: "MismatchReason",
                table: "UnitBindings");

            migrationBuilder.DropColumn(
                name: "HoldReason",
                table: "PublicityComments");
        }
    }
}
