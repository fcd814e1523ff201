using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class OneOpenPayment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_State",
                table: "Payments");

            migrationBuilder.AddColumn<int>(
                name: "OpenKey",
                table: "Payments",
                type: "int",
                nullable: true);

            // Existing open payments: the newest per payer, purpose and subject takes the marker; any older duplicate
            // stays open without it until the sweep closes it.
            migrationBuilder.Sql(@"UPDATE Payments SET OpenKey = 1 WHERE State IN (0, 1) AND Id NOT IN (
    SELECT Id FROM (SELECT older.Id FROM Payments older JOIN Payments newer
        ON newer.Purpose = older.Purpose AND newer.SubjectId = older.SubjectId AND newer.PayerUserId = older.PayerUserId
        AND newer.State IN (0, 1) AND (newer.CreatedAt > older.CreatedAt OR (newer.CreatedAt = older.CreatedAt AND newer.Id > older.Id))
        WHERE older.State IN (0, 1)) AS superseded)");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_OpenKey",
                table: "Payments",
                columns: new[] { "Purpose", "SubjectId", "PayerUserId", "OpenKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_OpenKey",
                table: "Payments");

            migrationBuilder.DropColumn(
                name: "OpenKey",
                table: "Payments");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_State",
                table: "Payments",
                columns: new[] { "Purpose", "SubjectId", "PayerUserId", "State" });
        }
    }
}
