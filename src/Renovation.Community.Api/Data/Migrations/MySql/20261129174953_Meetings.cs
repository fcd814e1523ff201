using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssemblyDemands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Purpose = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    ElectorateArea = table.Column<long>(type: "bigint", nullable: false),
                    ElectorateHeads = table.Column<long>(type: "bigint", nullable: false),
                    StartedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ReachedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    AssemblyId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssemblyDemands", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Reason = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    MemberCount = table.Column<int>(type: "int", nullable: false),
                    StartedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ReachedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    HoldBy = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    MeetingId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetingCalls", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    Place = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    OnlineLink = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Origin = table.Column<int>(type: "int", nullable: false),
                    CallId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ConvenedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ConvenedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ResidentsCommitteeContact = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    MemberCount = table.Column<int>(type: "int", nullable: false),
                    ObserverCapacity = table.Column<int>(type: "int", nullable: false),
                    ObserverCount = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    NoticeId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Minutes = table.Column<string>(type: "longtext", maxLength: 20000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    MinutesNoticeId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    MinutesPublishedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetings", x => x.Id);
                    table.CheckConstraint("CK_CommitteeMeetings_Observers", "ObserverCount >= 0 AND ObserverCount <= ObserverCapacity");
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "MeetingAlerts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "varchar(120)", maxLength: 120, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Kind = table.Column<string>(type: "varchar(40)", maxLength: 40, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    SubjectId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Message = table.Column<string>(type: "varchar(500)", maxLength: 500, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAlerts", x => x.Key);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "MeetingSettings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommitteeNoticeDays = table.Column<int>(type: "int", nullable: false),
                    AssemblyNoticeDays = table.Column<int>(type: "int", nullable: false),
                    ResidentsCommitteeContact = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSettings", x => x.CommunityId);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "OwnersAssemblies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Place = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Method = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    DemandId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ConvenedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ConvenedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    NoticeId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ResultsNoticeId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ResultsPublishedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ResultsRecord = table.Column<string>(type: "longtext", maxLength: 20000, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnersAssemblies", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "AssemblyDemandSupports",
                columns: table => new
                {
                    DemandId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AreaHundredths = table.Column<long>(type: "bigint", nullable: false),
                    JoinedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssemblyDemandSupports", x => new { x.DemandId, x.OwnerPartyId });
                    table.ForeignKey(
                        name: "FK_AssemblyDemandSupports_AssemblyDemands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "AssemblyDemands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingCallSignatures",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetingCallSignatures", x => new { x.CallId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CommitteeMeetingCallSignatures_CommitteeMeetingCalls_CallId",
                        column: x => x.CallId,
                        principalTable: "CommitteeMeetingCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    MeetingId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Description = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Public = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    SignedFor = table.Column<int>(type: "int", nullable: false),
                    SignedAgainst = table.Column<int>(type: "int", nullable: false),
                    SignedAbstain = table.Column<int>(type: "int", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeAgendaItems_CommitteeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingMembers",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    IsChair = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    PresentAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetingMembers", x => new { x.MeetingId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CommitteeMeetingMembers_CommitteeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingObservers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    MeetingId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetingObservers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeMeetingObservers_CommitteeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CommitteeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "OwnersAssemblyItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AssemblyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Description = table.Column<string>(type: "varchar(2000)", maxLength: 2000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Matter = table.Column<int>(type: "int", nullable: false),
                    Secret = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnersAssemblyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OwnersAssemblyItems_OwnersAssemblies_AssemblyId",
                        column: x => x.AssemblyId,
                        principalTable: "OwnersAssemblies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CommitteeMemberPositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    MeetingId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ItemId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    MemberUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Stance = table.Column<int>(type: "int", nullable: false),
                    EnteredBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    SignedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMemberPositions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitteeMemberPositions_CommitteeAgendaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CommitteeAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_AssemblyDemands_CommunityId_CreatedAt",
                table: "AssemblyDemands",
                columns: new[] { "CommunityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeAgendaItems_MeetingId_Order",
                table: "CommitteeAgendaItems",
                columns: new[] { "MeetingId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetingCalls_CommunityId_CreatedAt",
                table: "CommitteeMeetingCalls",
                columns: new[] { "CommunityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetingCalls_HoldBy",
                table: "CommitteeMeetingCalls",
                column: "HoldBy");

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetingObservers_MeetingId_UserId",
                table: "CommitteeMeetingObservers",
                columns: new[] { "MeetingId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetings_CommunityId_StartsAt",
                table: "CommitteeMeetings",
                columns: new[] { "CommunityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMeetings_State_MinutesPublishedAt_ClosedAt",
                table: "CommitteeMeetings",
                columns: new[] { "State", "MinutesPublishedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitteeMemberPositions_ItemId_MemberUserId",
                table: "CommitteeMemberPositions",
                columns: new[] { "ItemId", "MemberUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAlerts_CommunityId_RaisedAt",
                table: "MeetingAlerts",
                columns: new[] { "CommunityId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnersAssemblies_CommunityId_StartsAt",
                table: "OwnersAssemblies",
                columns: new[] { "CommunityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OwnersAssemblies_DemandId",
                table: "OwnersAssemblies",
                column: "DemandId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnersAssemblyItems_AssemblyId_Order",
                table: "OwnersAssemblyItems",
                columns: new[] { "AssemblyId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OwnersAssemblyItems_VoteId",
                table: "OwnersAssemblyItems",
                column: "VoteId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssemblyDemandSupports");

            migrationBuilder.DropTable(
                name: "CommitteeMeetingCallSignatures");

            migrationBuilder.DropTable(
                name: "CommitteeMeetingMembers");

            migrationBuilder.DropTable(
                name: "CommitteeMeetingObservers");

            migrationBuilder.DropTable(
                name: "CommitteeMemberPositions");

            migrationBuilder.DropTable(
                name: "MeetingAlerts");

            migrationBuilder.DropTable(
                name: "MeetingSettings");

            migrationBuilder.DropTable(
                name: "OwnersAssemblyItems");

            migrationBuilder.DropTable(
                name: "AssemblyDemands");

            migrationBuilder.DropTable(
                name: "CommitteeMeetingCalls");

            migrationBuilder.DropTable(
                name: "CommitteeAgendaItems");

            migrationBuilder.DropTable(
                name: "OwnersAssemblies");

            migrationBuilder.DropTable(
                name: "CommitteeMeetings");
        }
    }
}
