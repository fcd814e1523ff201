using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.MySql
{
    /// <inheritdoc />
    public partial class CandidatesAllocationsAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<string>(
                name: "Flat",
                table: "VoteCandidates",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "IdLast4",
                table: "VoteCandidates",
                type: "varchar(4)",
                maxLength: 4,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "PartyMemberId",
                table: "VoteCandidates",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "VoteCandidates",
                type: "varchar(100)",
                maxLength: 100,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "VoteCandidates",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "AuditLog",
                type: "varchar(80)",
                maxLength: 80,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<Guid>(
                name: "CommunityId",
                table: "AuditLog",
                type: "char(36)",
                nullable: true,
                collation: "ascii_general_ci");

            migrationBuilder.CreateTable(
                name: "FundAllocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AccountId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Reference = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    AreaBasis = table.Column<int>(type: "int", nullable: true),
                    Households = table.Column<int>(type: "int", nullable: false),
                    AllocatedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AllocatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundAllocations", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "FundAllocationShares",
                columns: table => new
                {
                    AllocationId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    HouseholdId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AreaHundredths = table.Column<long>(type: "bigint", nullable: true),
                    BalanceFen = table.Column<long>(type: "bigint", nullable: true),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_VoteId_PersonKey",
                table: "VoteCandidates",
                columns: new[] { "VoteId", "PersonKey" },
                unique: true);

            // After the new index exists: MySQL keeps an index on VoteId for the foreign key at every step.
            migrationBuilder.DropIndex(
                name: "IX_VoteCandidates_VoteId",
                table: "VoteCandidates");

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

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_VoteId",
                table: "VoteCandidates",
                column: "VoteId");

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

            migrationBuilder.DropIndex(
                name: "IX_VoteCandidates_VoteId_PersonKey",
                table: "VoteCandidates");
        }
    }
}
