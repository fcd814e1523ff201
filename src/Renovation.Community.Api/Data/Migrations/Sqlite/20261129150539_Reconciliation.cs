using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reconciliation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReconciliationDays",
                columns: table => new
                {
                    BillDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sha1 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BillRows = table.Column<long>(type: "INTEGER", nullable: false),
                    SettlementTotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundTotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeTotalMilliFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReconciledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationDays", x => x.BillDate);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationDiscrepancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OutTradeNo = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BillLine = table.Column<long>(type: "INTEGER", nullable: true),
                    BillState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    BillAmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    OurState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OurAmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Owner = table.Column<int>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Healed = table.Column<bool>(type: "INTEGER", nullable: false),
                    HealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NotedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    NotedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationDiscrepancies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReconciliationReportLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BillDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Owner = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PaidCount = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundCount = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeMilliFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DiscrepancyCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationReportLines", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationDiscrepancies_BillDate_Kind_Reference",
                table: "ReconciliationDiscrepancies",
                columns: new[] { "BillDate", "Kind", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationDiscrepancies_CommunityId_BillDate",
                table: "ReconciliationDiscrepancies",
                columns: new[] { "CommunityId", "BillDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationDiscrepancies_State_BillDate",
                table: "ReconciliationDiscrepancies",
                columns: new[] { "State", "BillDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationReportLines_BillDate_CommunityId_Owner_Purpose",
                table: "ReconciliationReportLines",
                columns: new[] { "BillDate", "CommunityId", "Owner", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReconciliationReportLines_CommunityId_BillDate",
                table: "ReconciliationReportLines",
                columns: new[] { "CommunityId", "BillDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReconciliationDays");

            migrationBuilder.DropTable(
                name: "ReconciliationDiscrepancies");

            migrationBuilder.DropTable(
                name: "ReconciliationReportLines");
        }
    }
}
