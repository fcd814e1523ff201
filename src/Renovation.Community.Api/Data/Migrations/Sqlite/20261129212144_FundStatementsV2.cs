using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundStatementsV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EmergencyApplicant",
                table: "FundWorksPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublicationNoticeId",
                table: "FundWorksPlans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FundDisclosureReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundDisclosureReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundPublishedStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false),
                    ClosingFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Yearly = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundPublishedStatements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundDisclosureReminders_CommunityId_PeriodFrom",
                table: "FundDisclosureReminders",
                columns: new[] { "CommunityId", "PeriodFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundPublishedStatements_CommunityId_From_To",
                table: "FundPublishedStatements",
                columns: new[] { "CommunityId", "From", "To" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundDisclosureReminders");

            migrationBuilder.DropTable(
                name: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "EmergencyApplicant",
                table: "FundWorksPlans");

            migrationBuilder.DropColumn(
                name: "PublicationNoticeId",
                table: "FundWorksPlans");
        }
    }
}
