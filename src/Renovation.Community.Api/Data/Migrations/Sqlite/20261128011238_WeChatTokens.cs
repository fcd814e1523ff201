using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WeChatTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeChatAccessTokens",
                columns: table => new
                {
                    AppId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatAccessTokens", x => x.AppId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeChatAccessTokens");
        }
    }
}
