using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Voting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Matter = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Secrecy = table.Column<int>(type: "INTEGER", nullable: false),
                    ShowCountsBeforeClose = table.Column<bool>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ConvenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBallotWins = table.Column<bool>(type: "INTEGER", nullable: false),
                    ElectorateArea = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectorateHeads = table.Column<long>(type: "INTEGER", nullable: false),
                    ElectorateUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultPublicUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VotingSettings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LastBallotWins = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResultPublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SilenceCountsAsConsent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VotingSettings", x => x.CommunityId);
                    table.ForeignKey(
                        name: "FK_VotingSettings_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChoiceCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceiptHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    SupersedesBallotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CastByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: true),
                    CastAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ChainIndex = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CandidateTallies",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreeArea = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreeHeads = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateTallies", x => new { x.VoteId, x.CandidateId, x.Shard });
                    table.ForeignKey(
                        name: "FK_CandidateTallies_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectorateParties",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectorateParties", x => new { x.VoteId, x.OwnerPartyId });
                    table.ForeignKey(
                        name: "FK_ElectorateParties_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ElectorateUnits",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaHundredths = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectorateUnits", x => new { x.VoteId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ElectorateUnits_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperBallotEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PendingChoiceCode = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectsEntryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperBallotEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperBallotEntries_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentBallotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Replacements = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participations_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProxyAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProxyUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProxyAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProxyAuthorizations_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteCandidates_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteTallies",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Shard = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipatingArea = table.Column<long>(type: "INTEGER", nullable: false),
                    ParticipatingHeads = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreeArea = table.Column<long>(type: "INTEGER", nullable: false),
                    AgreeHeads = table.Column<long>(type: "INTEGER", nullable: false),
                    OpposeArea = table.Column<long>(type: "INTEGER", nullable: false),
                    OpposeHeads = table.Column<long>(type: "INTEGER", nullable: false),
                    AbstainArea = table.Column<long>(type: "INTEGER", nullable: false),
                    AbstainHeads = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteTallies", x => new { x.VoteId, x.Shard });
                    table.ForeignKey(
                        name: "FK_VoteTallies_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_SupersedesBallotId",
                table: "Ballots",
                column: "SupersedesBallotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoteId_ChainIndex",
                table: "Ballots",
                columns: new[] { "VoteId", "ChainIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoteId_KeyHash",
                table: "Ballots",
                columns: new[] { "VoteId", "KeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoteId_ReceiptHash",
                table: "Ballots",
                columns: new[] { "VoteId", "ReceiptHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ElectorateUnits_VoteId_OwnerPartyId",
                table: "ElectorateUnits",
                columns: new[] { "VoteId", "OwnerPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperBallotEntries_CorrectsEntryId",
                table: "PaperBallotEntries",
                column: "CorrectsEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaperBallotEntries_VoteId_Status",
                table: "PaperBallotEntries",
                columns: new[] { "VoteId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_VoteId_OwnerPartyId",
                table: "Participations",
                columns: new[] { "VoteId", "OwnerPartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProxyAuthorizations_ProxyUserId_VoteId",
                table: "ProxyAuthorizations",
                columns: new[] { "ProxyUserId", "VoteId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProxyAuthorizations_VoteId_OwnerPartyId",
                table: "ProxyAuthorizations",
                columns: new[] { "VoteId", "OwnerPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_VoteId",
                table: "VoteCandidates",
                column: "VoteId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_CommunityId_State",
                table: "Votes",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Votes_State_ClosesAt",
                table: "Votes",
                columns: new[] { "State", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Votes_State_OpensAt",
                table: "Votes",
                columns: new[] { "State", "OpensAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "CandidateTallies");

            migrationBuilder.DropTable(
                name: "ElectorateParties");

            migrationBuilder.DropTable(
                name: "ElectorateUnits");

            migrationBuilder.DropTable(
                name: "PaperBallotEntries");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "ProxyAuthorizations");

            migrationBuilder.DropTable(
                name: "VoteCandidates");

            migrationBuilder.DropTable(
                name: "VoteTallies");

            migrationBuilder.DropTable(
                name: "VotingSettings");

            migrationBuilder.DropTable(
                name: "Votes");
        }
    }
}
