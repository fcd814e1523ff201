using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MismatchReason",
                table: "UnitBindings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoldReason",
                table: "PublicityComments",
                type: "INTEGER",
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
