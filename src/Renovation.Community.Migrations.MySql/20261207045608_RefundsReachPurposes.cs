using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.MySql
{
    /// <inheritdoc />
    public partial class RefundsReachPurposes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RefundedFen",
                table: "ServiceOrders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "PaymentRefunds",
                type: "varchar(80)",
                maxLength: 80,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddCheckConstraint(
                name: "CK_ServiceOrders_Refunded",
                table: "ServiceOrders",
                sql: "RefundedFen >= 0 AND RefundedFen <= AmountFen");

            // Orders declined (3) or cancelled (8) before this asked Payments for RefundFen through the purpose's refund.
            migrationBuilder.Sql("UPDATE ServiceOrders SET RefundedFen = RefundFen WHERE State IN (3, 8)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_ServiceOrders_Refunded",
                table: "ServiceOrders");

            migrationBuilder.DropColumn(
                name: "RefundedFen",
                table: "ServiceOrders");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "PaymentRefunds");
        }
    }
}
