using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PublicationNoticeId",
                table: "FundWorksPlans",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.CreateTable(
                name: "FundDisclosureReminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundDisclosureReminders", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundPublishedStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Snapshot = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ClosingFen = table.Column<long>(type: "bigint", nullable: false),
                    Yearly = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    PublishedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    NoticeId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundPublishedStatements", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
