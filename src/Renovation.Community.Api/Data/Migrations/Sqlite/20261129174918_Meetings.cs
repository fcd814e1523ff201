using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ElectorateArea = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectorateHeads = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AssemblyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssemblyDemands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HoldBy = table.Column<long>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetingCalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConvenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentsCommitteeContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ObserverCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    ObserverCount = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MinutesNoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinutesPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitteeMeetings", x => x.Id);
                    table.CheckConstraint("CK_CommitteeMeetings_Observers", "ObserverCount >= 0 AND ObserverCount <= ObserverCapacity");
                });

            migrationBuilder.CreateTable(
                name: "MeetingAlerts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAlerts", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "MeetingSettings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitteeNoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AssemblyNoticeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentsCommitteeContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingSettings", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "OwnersAssemblies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConvenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConvenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResultsNoticeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResultsPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultsRecord = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OwnersAssemblies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssemblyDemandSupports",
                columns: table => new
                {
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    JoinedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingCallSignatures",
                columns: table => new
                {
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "CommitteeAgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedFor = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedAbstain = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingMembers",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsChair = table.Column<bool>(type: "INTEGER", nullable: false),
                    PresentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMeetingObservers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "OwnersAssemblyItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssemblyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Matter = table.Column<int>(type: "INTEGER", nullable: false),
                    Secret = table.Column<bool>(type: "INTEGER", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "CommitteeMemberPositions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stance = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                });

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
