using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    Moderation = table.Column<int>(type: "integer", nullable: false),
                    ReportThreshold = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    IdeaCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campaigns_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Participants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CampaignManagers",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignManagers", x => new { x.CampaignId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CampaignManagers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignManagers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ideas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PlaceName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ImageKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    BuildsOnId = table.Column<int>(type: "integer", nullable: true),
                    FamilyRootId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    AwaitsModerator = table.Column<bool>(type: "boolean", nullable: false),
                    LikeCount = table.Column<int>(type: "integer", nullable: false),
                    BuildOnCount = table.Column<int>(type: "integer", nullable: false),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TakenUpByPlatformId = table.Column<int>(type: "integer", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ideas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ideas_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ideas_Ideas_BuildsOnId",
                        column: x => x.BuildsOnId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Ideas_FamilyRootId",
                        column: x => x.FamilyRootId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Ideas_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ideas_Platforms_TakenUpByPlatformId",
                        column: x => x.TakenUpByPlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Handle = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LinkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReturnUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedFrom = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantChallenges_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipantDevices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipantDevices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipantDevices_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PlatformId = table.Column<int>(type: "integer", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaAnswers_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaAnswers_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "IdeaFollowers",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaFollowers", x => new { x.IdeaId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_IdeaFollowers_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaFollowers_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaLikes",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaLikes", x => new { x.IdeaId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_IdeaLikes_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaLikes_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaReports_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaReports_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdeaId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationActions_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignManagers_UserId",
                table: "CampaignManagers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_ClosesOn",
                table: "Campaigns",
                column: "ClosesOn");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_InitiativeId",
                table: "Campaigns",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaAnswers_IdeaId_At",
                table: "IdeaAnswers",
                columns: new[] { "IdeaId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaAnswers_PlatformId",
                table: "IdeaAnswers",
                column: "PlatformId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollowers_ParticipantId",
                table: "IdeaFollowers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaFollowers_Token",
                table: "IdeaFollowers",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdeaLikes_ParticipantId_IdeaId",
                table: "IdeaLikes",
                columns: new[] { "ParticipantId", "IdeaId" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaReports_IdeaId_ParticipantId",
                table: "IdeaReports",
                columns: new[] { "IdeaId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdeaReports_ParticipantId",
                table: "IdeaReports",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_BuildsOnId",
                table: "Ideas",
                column: "BuildsOnId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_AwaitsModerator",
                table: "Ideas",
                columns: new[] { "CampaignId", "AwaitsModerator" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_AnsweredAt_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "AnsweredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_BuildOnCount_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "BuildOnCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_LikeCount_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "LikeCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_Status_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_FamilyRootId",
                table: "Ideas",
                column: "FamilyRootId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_MergedIntoId",
                table: "Ideas",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_ParticipantId_CreatedAt",
                table: "Ideas",
                columns: new[] { "ParticipantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_TakenUpByPlatformId",
                table: "Ideas",
                column: "TakenUpByPlatformId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_IdeaId_At",
                table: "ModerationActions",
                columns: new[] { "IdeaId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChallenges_Handle",
                table: "ParticipantChallenges",
                column: "Handle",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChallenges_LinkHash",
                table: "ParticipantChallenges",
                column: "LinkHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChallenges_ParticipantId_CreatedAt",
                table: "ParticipantChallenges",
                columns: new[] { "ParticipantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantChallenges_RequestedFrom_CreatedAt",
                table: "ParticipantChallenges",
                columns: new[] { "RequestedFrom", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantDevices_ParticipantId",
                table: "ParticipantDevices",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipantDevices_TokenHash",
                table: "ParticipantDevices",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_Email",
                table: "Participants",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Participants_UserId",
                table: "Participants",
                column: "UserId",
                unique: true);
            // Full-text search of ideas (IdeaSearch.cs) with the Danish configuration: the expression must match the query's.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Ideas_Search" ON "Ideas" USING GIN (to_tsvector('danish', "Title" || ' ' || "Text"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Ideas_Search\";");
            migrationBuilder.DropTable(
                name: "CampaignManagers");

            migrationBuilder.DropTable(
                name: "IdeaAnswers");

            migrationBuilder.DropTable(
                name: "IdeaFollowers");

            migrationBuilder.DropTable(
                name: "IdeaLikes");

            migrationBuilder.DropTable(
                name: "IdeaReports");

            migrationBuilder.DropTable(
                name: "ModerationActions");

            migrationBuilder.DropTable(
                name: "ParticipantChallenges");

            migrationBuilder.DropTable(
                name: "ParticipantDevices");

            migrationBuilder.DropTable(
                name: "Ideas");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Participants");
        }
    }
}
