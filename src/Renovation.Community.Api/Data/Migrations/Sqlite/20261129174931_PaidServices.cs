using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ServiceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RequiresSlot = table.Column<bool>(type: "INTEGER", nullable: false),
                    Policy = table.Column<int>(type: "INTEGER", nullable: false),
                    LateCancelRefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OnOffer = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "ServiceItemCommunities",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "ServiceItemPhotos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "ServiceSlots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "ServiceOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemTitle = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UnitPriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Policy = table.Column<int>(type: "INTEGER", nullable: false),
                    LateCancelRefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SlotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SlotStartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SlotEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SlotHeld = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    RefundFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "ServiceDisputes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

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
