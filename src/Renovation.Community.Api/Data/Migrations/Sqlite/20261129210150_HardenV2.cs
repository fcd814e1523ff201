using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HardenV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OwnerPartyMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedPartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntoPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitsMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MergedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnerPartyMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnerPartyMerges_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OwnerPartyMerges_CommunityId_MergedAt",
                table: "OwnerPartyMerges",
                columns: new[] { "CommunityId", "MergedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OwnerPartyMerges");
        }
    }
}
