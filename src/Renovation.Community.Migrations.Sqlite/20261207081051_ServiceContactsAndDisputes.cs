using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceContactsAndDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "PartyMembers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactPhoneReads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyMemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReadBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPhoneReads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPhoneReads_OrderId",
                table: "ContactPhoneReads",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPhoneReads_PartyMemberId_ReadAt",
                table: "ContactPhoneReads",
                columns: new[] { "PartyMemberId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactPhoneReads");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "PartyMembers");
        }
    }
}
