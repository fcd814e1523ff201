using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CandidatesAllocationsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VoteCandidates_VoteId",
                table: "VoteCandidates");

            migrationBuilder.AddColumn<string>(
                name: "Flat",
                table: "VoteCandidates",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdLast4",
                table: "VoteCandidates",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PartyMemberId",
                table: "VoteCandidates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "VoteCandidates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "VoteCandidates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "AuditLog",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CommunityId",
                table: "AuditLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FundAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AreaBasis = table.Column<int>(type: "INTEGER", nullable: true),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAllocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundAllocationShares",
                columns: table => new
                {
                    AllocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: true),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAllocationShares", x => new { x.AllocationId, x.HouseholdId });
                    table.CheckConstraint("CK_FundAllocationShares_Amount", "AmountFen >= 0");
                    table.ForeignKey(
                        name: "FK_FundAllocationShares_FundAllocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "FundAllocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FundAllocationShares_FundHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FundHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_VoteId_PersonKey",
                table: "VoteCandidates",
                columns: new[] { "VoteId", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CommunityId_Id",
                table: "AuditLog",
                columns: new[] { "CommunityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FundAllocations_CommunityId_AllocatedAt",
                table: "FundAllocations",
                columns: new[] { "CommunityId", "AllocatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FundAllocationShares_HouseholdId",
                table: "FundAllocationShares",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundAllocationShares");

            migrationBuilder.DropTable(
                name: "FundAllocations");

            migrationBuilder.DropIndex(
                name: "IX_VoteCandidates_VoteId_PersonKey",
                table: "VoteCandidates");

            migrationBuilder.DropIndex(
                name: "IX_AuditLog_CommunityId_Id",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "Flat",
                table: "VoteCandidates");

            migrationBuilder.DropColumn(
                name: "IdLast4",
                table: "VoteCandidates");

            migrationBuilder.DropColumn(
                name: "PartyMemberId",
                table: "VoteCandidates");

            migrationBuilder.DropColumn(
                name: "PersonKey",
                table: "VoteCandidates");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "VoteCandidates");

            migrationBuilder.DropColumn(
                name: "Actor",
                table: "AuditLog");

            migrationBuilder.DropColumn(
                name: "CommunityId",
                table: "AuditLog");

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_VoteId",
                table: "VoteCandidates",
                column: "VoteId");
        }
    }
}
