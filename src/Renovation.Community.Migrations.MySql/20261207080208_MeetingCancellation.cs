using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.MySql
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
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "OwnersAssemblies",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RescheduledAt",
                table: "OwnersAssemblies",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "CommitteeMeetings",
                type: "varchar(500)",
                maxLength: 500,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "CommitteeMeetings",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RescheduledAt",
                table: "CommitteeMeetings",
                type: "datetime(6)",
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
