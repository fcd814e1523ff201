using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
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
                    BillDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sha1 = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BillRows = table.Column<long>(type: "bigint", nullable: false),
                    SettlementTotalFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundTotalFen = table.Column<long>(type: "bigint", nullable: false),
                    FeeTotalMilliFen = table.Column<long>(type: "bigint", nullable: false),
                    ReconciledAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationDays", x => x.BillDate);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ReconciliationDiscrepancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    BillDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Reference = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    OutTradeNo = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BillLine = table.Column<long>(type: "bigint", nullable: true),
                    BillState = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BillAmountFen = table.Column<long>(type: "bigint", nullable: true),
                    OurState = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    OurAmountFen = table.Column<long>(type: "bigint", nullable: true),
                    PaymentId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Owner = table.Column<int>(type: "int", nullable: true),
                    Purpose = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Healed = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    HealedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    NotedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    NotedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationDiscrepancies", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ReconciliationReportLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    BillDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Owner = table.Column<int>(type: "int", nullable: false),
                    Purpose = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PaidCount = table.Column<long>(type: "bigint", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    RefundCount = table.Column<long>(type: "bigint", nullable: false),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false),
                    FeeMilliFen = table.Column<long>(type: "bigint", nullable: false),
                    DiscrepancyCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReconciliationReportLines", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
