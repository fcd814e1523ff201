using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
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
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    BalanceFen = table.Column<long>(type: "bigint", nullable: false),
                    EntryCount = table.Column<long>(type: "bigint", nullable: false),
                    LowBalancePercent = table.Column<int>(type: "int", nullable: false),
                    OpeningPostedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CreatedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAccounts", x => x.Id);
                    table.CheckConstraint("CK_FundAccounts_Balance", "BalanceFen >= 0");
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundTopUpCampaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AccountId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Basis = table.Column<int>(type: "int", nullable: false),
                    RatePerSqmFen = table.Column<long>(type: "bigint", nullable: true),
                    DueBy = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    DueFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    Households = table.Column<int>(type: "int", nullable: false),
                    PaidHouseholds = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundTopUpCampaigns", x => x.Id);
                    table.CheckConstraint("CK_FundTopUpCampaigns_Paid", "PaidFen >= 0 AND PaidFen <= DueFen");
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundWorksPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Items = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    Scope = table.Column<int>(type: "int", nullable: false),
                    BearerIds = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    State = table.Column<int>(type: "int", nullable: false),
                    DraftedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Emergency = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ActualCostFen = table.Column<long>(type: "bigint", nullable: true),
                    CoveredFen = table.Column<long>(type: "bigint", nullable: true),
                    ChargedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundWorksPlans", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundHouseholds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AccountId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    BuildingId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    InitialDepositFen = table.Column<long>(type: "bigint", nullable: false),
                    BalanceFen = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundTopUpShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CampaignId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    HouseholdId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundDues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PlanId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    HouseholdId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AccountId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    HouseholdId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdBalanceAfterFen = table.Column<long>(type: "bigint", nullable: false),
                    AccountBalanceAfterFen = table.Column<long>(type: "bigint", nullable: false),
                    SourceKey = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Memo = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ReferenceId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    CorrectsEntryId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    PostedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    PostedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundOfflineTopUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ShareId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EnteredBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
