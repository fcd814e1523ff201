using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class PaymentsFinish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Payments_RefundCount",
                table: "Payments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PaymentRefunds_Sequence",
                table: "PaymentRefunds");

            migrationBuilder.AddColumn<int>(
                name: "FailedRefundCount",
                table: "Payments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Payments_RefundCount",
                table: "Payments",
                sql: "FailedRefundCount >= 0 AND FailedRefundCount <= RefundCount AND RefundCount <= 999 AND RefundCount - FailedRefundCount <= 50");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PaymentRefunds_Sequence",
                table: "PaymentRefunds",
                sql: "Sequence >= 1 AND Sequence <= 999");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentIncidents_Kind_CreatedAt",
                table: "PaymentIncidents",
                columns: new[] { "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Payments_RefundCount",
                table: "Payments");

            migrationBuilder.DropCheckConstraint(
                name: "CK_PaymentRefunds_Sequence",
                table: "PaymentRefunds");

            migrationBuilder.DropIndex(
                name: "IX_PaymentIncidents_Kind_CreatedAt",
                table: "PaymentIncidents");

            migrationBuilder.DropColumn(
                name: "FailedRefundCount",
                table: "Payments");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Payments_RefundCount",
                table: "Payments",
                sql: "RefundCount >= 0 AND RefundCount <= 50");

            migrationBuilder.AddCheckConstraint(
                name: "CK_PaymentRefunds_Sequence",
                table: "PaymentRefunds",
                sql: "Sequence >= 1 AND Sequence <= 50");
        }
    }
}
