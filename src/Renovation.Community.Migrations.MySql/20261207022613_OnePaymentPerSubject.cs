using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.MySql
{
    /// <inheritdoc />
    public partial class OnePaymentPerSubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_OpenKey",
                table: "Payments");

            // Written by hand: where two payers held open payments for one subject, the newest keeps the marker; the
            // older one stays open without it until it expires and the sweep closes it (money arriving meanwhile is
            // credited and the purpose decides, as for any late payment).
            migrationBuilder.Sql(@"UPDATE Payments SET OpenKey = NULL WHERE OpenKey = 1 AND Id IN (
    SELECT Id FROM (SELECT older.Id FROM Payments older JOIN Payments newer
        ON newer.Purpose = older.Purpose AND newer.SubjectId = older.SubjectId AND newer.OpenKey = 1
        AND (newer.CreatedAt > older.CreatedAt OR (newer.CreatedAt = older.CreatedAt AND newer.Id > older.Id))
        WHERE older.OpenKey = 1) AS superseded)");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Purpose_SubjectId_OpenKey",
                table: "Payments",
                columns: new[] { "Purpose", "SubjectId", "OpenKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Payments_Purpose_SubjectId_OpenKey",
                table: "Payments");

            migrationBuilder.CreateIndex(
                name: "IX_Payments_Purpose_SubjectId_PayerUserId_OpenKey",
                table: "Payments",
                columns: new[] { "Purpose", "SubjectId", "PayerUserId", "OpenKey" },
                unique: true);
        }
    }
}
