using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FundBuildingsAndInstalments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundAccounts_CommunityId",
                table: "FundAccounts");

            migrationBuilder.DropColumn(
                name: "AccountId",
                table: "FundTopUpCampaigns");

            migrationBuilder.AddColumn<int>(
                name: "InstalmentCount",
                table: "FundTopUpCampaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "IntervalMonths",
                table: "FundTopUpCampaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "BuildingId",
                table: "FundAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "BuildingKey",
                table: "FundAccounts",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "OpenedFundOf",
                table: "FundAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundAccounts_CommunityId_BuildingKey",
                table: "FundAccounts",
                columns: new[] { "CommunityId", "BuildingKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundAccounts_OpenedFundOf",
                table: "FundAccounts",
                column: "OpenedFundOf",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FundAccounts_CommunityId_BuildingKey",
                table: "FundAccounts");

            migrationBuilder.DropIndex(
                name: "IX_FundAccounts_OpenedFundOf",
                table: "FundAccounts");

            migrationBuilder.DropColumn(
                name: "InstalmentCount",
                table: "FundTopUpCampaigns");

            migrationBuilder.DropColumn(
                name: "IntervalMonths",
                table: "FundTopUpCampaigns");

            migrationBuilder.DropColumn(
                name: "BuildingId",
                table: "FundAccounts");

            migrationBuilder.DropColumn(
                name: "BuildingKey",
                table: "FundAccounts");

            migrationBuilder.DropColumn(
                name: "OpenedFundOf",
                table: "FundAccounts");

            migrationBuilder.AddColumn<Guid>(
                name: "AccountId",
                table: "FundTopUpCampaigns",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_FundAccounts_CommunityId",
                table: "FundAccounts",
                column: "CommunityId",
                unique: true);
        }
    }
}
