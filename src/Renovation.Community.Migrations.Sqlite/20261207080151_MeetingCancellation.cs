using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "OwnersAssemblies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "OwnersAssemblies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RescheduledAt",
                table: "OwnersAssemblies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "CommitteeMeetings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "CommitteeMeetings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RescheduledAt",
                table: "CommitteeMeetings",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "OwnersAssemblies");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "OwnersAssemblies");

            migrationBuilder.DropColumn(
                name: "RescheduledAt",
                table: "OwnersAssemblies");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "CommitteeMeetings");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "CommitteeMeetings");

            migrationBuilder.DropColumn(
                name: "RescheduledAt",
                table: "CommitteeMeetings");
        }
    }
}
