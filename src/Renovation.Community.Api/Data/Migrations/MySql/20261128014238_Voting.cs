using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Renovation.Community.Api.Data.Migrations.MySql
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
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Title = table.Column<string>(type: "varchar(100)", maxLength: 100, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Description = table.Column<string>(type: "varchar(4000)", maxLength: 4000, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Matter = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Secrecy = table.Column<int>(type: "int", nullable: false),
                    ShowCountsBeforeClose = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    Seats = table.Column<int>(type: "int", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ConvenedBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PlanId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    LastBallotWins = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    ElectorateArea = table.Column<long>(type: "bigint", nullable: false),
                    ElectorateHeads = table.Column<long>(type: "bigint", nullable: false),
                    ElectorateUnits = table.Column<int>(type: "int", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ResultPublicUntil = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    Result = table.Column<string>(type: "longtext", nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Version = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "VotingSettings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    LastBallotWins = table.Column<bool>(type: "tinyint(1)", nullable: false),
                    ResultPublicityDays = table.Column<int>(type: "int", nullable: false),
                    SilenceCountsAsConsent = table.Column<bool>(type: "tinyint(1)", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ChoiceCode = table.Column<string>(type: "varchar(400)", maxLength: 400, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AreaHundredths = table.Column<long>(type: "bigint", nullable: false),
                    ReceiptHash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    KeyHash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Shard = table.Column<int>(type: "int", nullable: false),
                    SupersedesBallotId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    CastByUserId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Channel = table.Column<int>(type: "int", nullable: true),
                    CastAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    ChainIndex = table.Column<long>(type: "bigint", nullable: true),
                    LinkHash = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "CandidateTallies",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    CandidateId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Shard = table.Column<int>(type: "int", nullable: false),
                    AgreeArea = table.Column<long>(type: "bigint", nullable: false),
                    AgreeHeads = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ElectorateParties",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Name = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    AreaHundredths = table.Column<long>(type: "bigint", nullable: false),
                    Units = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ElectorateUnits",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    UnitId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    AreaHundredths = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "PaperBallotEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    PendingChoiceCode = table.Column<string>(type: "varchar(400)", maxLength: 400, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EnteredBy = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    EnteredAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    CorrectsEntryId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    BallotId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    CurrentBallotId = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    Replacements = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "ProxyAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    OwnerPartyId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    GrantorUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    ProxyUserId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    DocumentKey = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    DocumentContentType = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Status = table.Column<int>(type: "int", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "char(36)", nullable: true, collation: "ascii_general_ci"),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: true),
                    RejectionReason = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: true)
                        .Annotation("MySql:CharSet", "utf8mb4")
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "VoteCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Name = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Order = table.Column<int>(type: "int", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "VoteTallies",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    Shard = table.Column<int>(type: "int", nullable: false),
                    ParticipatingArea = table.Column<long>(type: "bigint", nullable: false),
                    ParticipatingHeads = table.Column<long>(type: "bigint", nullable: false),
                    AgreeArea = table.Column<long>(type: "bigint", nullable: false),
                    AgreeHeads = table.Column<long>(type: "bigint", nullable: false),
                    OpposeArea = table.Column<long>(type: "bigint", nullable: false),
                    OpposeHeads = table.Column<long>(type: "bigint", nullable: false),
                    AbstainArea = table.Column<long>(type: "bigint", nullable: false),
                    AbstainHeads = table.Column<long>(type: "bigint", nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
