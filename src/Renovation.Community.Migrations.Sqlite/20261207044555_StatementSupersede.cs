using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementSupersede : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundPublishedStatements_CommunityId_From_To",
                table: "FundPublishedStatements");

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "FundPublishedStatements",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            // Statements published before corrections existed are each their period's first revision.
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "FundPublishedStatements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "SupersededAt",
                table: "FundPublishedStatements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersededById",
                table: "FundPublishedStatements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SupersedesId",
                table: "FundPublishedStatements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundPublishedStatements_CommunityId_From_To_Revision",
                table: "FundPublishedStatements",
                columns: new[] { "CommunityId", "From", "To", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundPublishedStatements_CommunityId_From_To_Revision",
                table: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "SupersededAt",
                table: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "SupersededById",
                table: "FundPublishedStatements");

            migrationBuilder.DropColumn(
                name: "SupersedesId",
                table: "FundPublishedStatements");

            migrationBuilder.CreateIndex(
                name: "IX_FundPublishedStatements_CommunityId_From_To",
                table: "FundPublishedStatements",
                columns: new[] { "CommunityId", "From", "To" },
                unique: true);
        }
    }
}
