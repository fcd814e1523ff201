using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class PaidServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "PaymentRefunds",
                type: "varchar(64)",
                maxLength: 64,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CompanyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "varchar(60)", maxLength: 60, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Description = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    PriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Unit = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RequiresSlot = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Policy = table.Column<int>(type: "int", nullable: false),
                    LateCancelRefundFen = table.Column<long>(type: "bigint", nullable: false),
                    OnOffer = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItems", x => x.Id);
                    table.CheckConstraint("CK_ServiceItems_LateCancelRefund", "LateCancelRefundFen >= 0");
                    table.CheckConstraint("CK_ServiceItems_Price", "PriceFen > 0 AND PriceFen <= 10000000");
                    table.ForeignKey(
                        name: "FK_ServiceItems_PropertyCompanies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "PropertyCompanies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceItemCommunities",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItemCommunities", x => new { x.ItemId, x.CommunityId });
                    table.ForeignKey(
                        name: "FK_ServiceItemCommunities_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceItemCommunities_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceItemPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ItemId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ContentType = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StorageKey = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceItemPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceItemPhotos_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ItemId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    Held = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceSlots", x => x.Id);
                    table.CheckConstraint("CK_ServiceSlots_Capacity", "Capacity >= 1 AND Capacity <= 1000");
                    table.CheckConstraint("CK_ServiceSlots_Held", "Held >= 0 AND Held <= Capacity");
                    table.ForeignKey(
                        name: "FK_ServiceSlots_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ItemId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CompanyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ResidentUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ItemTitle = table.Column<string>(type: "varchar(60)", maxLength: 60, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Category = table.Column<int>(type: "int", nullable: false),
                    PriceUnit = table.Column<string>(type: "varchar(10)", maxLength: 10, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    UnitPriceFen = table.Column<long>(type: "bigint", nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Policy = table.Column<int>(type: "int", nullable: false),
                    LateCancelRefundFen = table.Column<long>(type: "bigint", nullable: false),
                    SlotId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    SlotStartsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    SlotEndsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    SlotHeld = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Note = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    State = table.Column<int>(type: "int", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    PaymentId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    PaidAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    DeclineReason = table.Column<string>(type: "varchar(80)", maxLength: 80, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    AutoConfirmed = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Stars = table.Column<int>(type: "int", nullable: true),
                    RatingComment = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CancelReason = table.Column<string>(type: "varchar(80)", maxLength: 80, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RefundFen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceOrders", x => x.Id);
                    table.CheckConstraint("CK_ServiceOrders_Amount", "AmountFen > 0");
                    table.CheckConstraint("CK_ServiceOrders_Refund", "RefundFen >= 0 AND RefundFen <= AmountFen");
                    table.CheckConstraint("CK_ServiceOrders_Stars", "Stars IS NULL OR (Stars >= 1 AND Stars <= 5)");
                    table.ForeignKey(
                        name: "FK_ServiceOrders_ServiceItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "ServiceItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceOrders_ServiceSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "ServiceSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ServiceDisputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OrderId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CompanyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ResidentUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Text = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Answer = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AnsweredBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDisputes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceDisputes_ServiceOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "ServiceOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRefunds_PaymentId_SubjectKey",
                table: "PaymentRefunds",
                columns: new[] { "PaymentId", "SubjectKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDisputes_CommunityId_CreatedAt",
                table: "ServiceDisputes",
                columns: new[] { "CommunityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDisputes_OrderId",
                table: "ServiceDisputes",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItemCommunities_CommunityId",
                table: "ServiceItemCommunities",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItemPhotos_ItemId",
                table: "ServiceItemPhotos",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceItems_CompanyId_CreatedAt",
                table: "ServiceItems",
                columns: new[] { "CompanyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_CommunityId_State_CreatedAt",
                table: "ServiceOrders",
                columns: new[] { "CommunityId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_CompanyId_PaidAt",
                table: "ServiceOrders",
                columns: new[] { "CompanyId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ItemId",
                table: "ServiceOrders",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_ResidentUserId_CreatedAt",
                table: "ServiceOrders",
                columns: new[] { "ResidentUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_SlotId",
                table: "ServiceOrders",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_State_CompletedAt",
                table: "ServiceOrders",
                columns: new[] { "State", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceOrders_State_ExpiresAt",
                table: "ServiceOrders",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSlots_ItemId_StartsAt",
                table: "ServiceSlots",
                columns: new[] { "ItemId", "StartsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceDisputes");

            migrationBuilder.DropTable(
                name: "ServiceItemCommunities");

            migrationBuilder.DropTable(
                name: "ServiceItemPhotos");

            migrationBuilder.DropTable(
                name: "ServiceOrders");

            migrationBuilder.DropTable(
                name: "ServiceSlots");

            migrationBuilder.DropTable(
                name: "ServiceItems");

            migrationBuilder.DropIndex(
                name: "IX_PaymentRefunds_PaymentId_SubjectKey",
                table: "PaymentRefunds");

            migrationBuilder.DropColumn(
                name: "SubjectKey",
                table: "PaymentRefunds");
        }
    }
}
