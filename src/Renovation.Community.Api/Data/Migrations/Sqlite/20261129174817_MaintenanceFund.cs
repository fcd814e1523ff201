using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaintenanceFund : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FundAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryCount = table.Column<long>(type: "INTEGER", nullable: false),
                    LowBalancePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    OpeningPostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAccounts", x => x.Id);
                    table.CheckConstraint("CK_FundAccounts_Balance", "BalanceFen >= 0");
                });

            migrationBuilder.CreateTable(
                name: "FundTopUpCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    RatePerSqmFen = table.Column<long>(type: "INTEGER", nullable: true),
                    DueBy = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundTopUpCampaigns", x => x.Id);
                    table.CheckConstraint("CK_FundTopUpCampaigns_Paid", "PaidFen >= 0 AND PaidFen <= DueFen");
                });

            migrationBuilder.CreateTable(
                name: "FundWorksPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    BearerIds = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Emergency = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActualCostFen = table.Column<long>(type: "INTEGER", nullable: true),
                    CoveredFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ChargedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundWorksPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundHouseholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuildingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitialDepositFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundHouseholds", x => x.Id);
                    table.CheckConstraint("CK_FundHouseholds_Balance", "BalanceFen >= 0");
                    table.ForeignKey(
                        name: "FK_FundHouseholds_FundAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundTopUpShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundTopUpShares", x => x.Id);
                    table.CheckConstraint("CK_FundTopUpShares_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen");
                    table.ForeignKey(
                        name: "FK_FundTopUpShares_FundTopUpCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "FundTopUpCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundDues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundDues", x => x.Id);
                    table.CheckConstraint("CK_FundDues_Paid", "PaidFen >= 0 AND PaidFen <= AmountFen");
                    table.ForeignKey(
                        name: "FK_FundDues_FundWorksPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "FundWorksPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    HouseholdBalanceAfterFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountBalanceAfterFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectsEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundEntries", x => x.Id);
                    table.CheckConstraint("CK_FundEntries_Balances", "HouseholdBalanceAfterFen >= 0 AND AccountBalanceAfterFen >= 0");
                    table.ForeignKey(
                        name: "FK_FundEntries_FundAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "FundAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FundEntries_FundHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FundHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundOfflineTopUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundOfflineTopUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundOfflineTopUps_FundTopUpShares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "FundTopUpShares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundAccounts_CommunityId",
                table: "FundAccounts",
                column: "CommunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundDues_PlanId_HouseholdId",
                table: "FundDues",
                columns: new[] { "PlanId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundDues_UnitId",
                table: "FundDues",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_AccountId_PostedAt",
                table: "FundEntries",
                columns: new[] { "AccountId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_AccountId_Sequence",
                table: "FundEntries",
                columns: new[] { "AccountId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_HouseholdId_Sequence",
                table: "FundEntries",
                columns: new[] { "HouseholdId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_SourceKey",
                table: "FundEntries",
                column: "SourceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundHouseholds_AccountId_BuildingId",
                table: "FundHouseholds",
                columns: new[] { "AccountId", "BuildingId" });

            migrationBuilder.CreateIndex(
                name: "IX_FundHouseholds_UnitId",
                table: "FundHouseholds",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundOfflineTopUps_CommunityId_EnteredAt",
                table: "FundOfflineTopUps",
                columns: new[] { "CommunityId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FundOfflineTopUps_ShareId",
                table: "FundOfflineTopUps",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_FundTopUpCampaigns_CommunityId_CreatedAt",
                table: "FundTopUpCampaigns",
                columns: new[] { "CommunityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FundTopUpCampaigns_VoteId",
                table: "FundTopUpCampaigns",
                column: "VoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundTopUpShares_CampaignId_HouseholdId",
                table: "FundTopUpShares",
                columns: new[] { "CampaignId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundTopUpShares_UnitId",
                table: "FundTopUpShares",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FundWorksPlans_CommunityId_CreatedAt",
                table: "FundWorksPlans",
                columns: new[] { "CommunityId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundDues");

            migrationBuilder.DropTable(
                name: "FundEntries");

            migrationBuilder.DropTable(
                name: "FundOfflineTopUps");

            migrationBuilder.DropTable(
                name: "FundWorksPlans");

            migrationBuilder.DropTable(
                name: "FundHouseholds");

            migrationBuilder.DropTable(
                name: "FundTopUpShares");

            migrationBuilder.DropTable(
                name: "FundAccounts");

            migrationBuilder.DropTable(
                name: "FundTopUpCampaigns");
        }
    }
}
