using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CampaignKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommentId",
                table: "ModerationActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentCount",
                table: "Ideas",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "FilmUrl",
                table: "Ideas",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ThemeId",
                table: "Ideas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VoteClosesOn",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "VoteOpensOn",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WinnerAnnouncedAt",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WinnerIdeaId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WinnerText",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignThemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignThemes_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdeaComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    HiddenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AwaitsModerator = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdeaComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdeaComments_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IdeaComments_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JuryCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryCriteria_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    CommentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => new { x.CommentId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_CommentReports_IdeaComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "IdeaComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentReports_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryScores",
                columns: table => new
                {
                    IdeaId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryScores", x => new { x.IdeaId, x.CriterionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_JuryScores_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryScores_Ideas_IdeaId",
                        column: x => x.IdeaId,
                        principalTable: "Ideas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JuryScores_JuryCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "JuryCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ideas_CampaignId_Visibility_ThemeId_Id",
                table: "Ideas",
                columns: new[] { "CampaignId", "Visibility", "ThemeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_WinnerIdeaId",
                table: "Campaigns",
                column: "WinnerIdeaId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignThemes_CampaignId_Name",
                table: "CampaignThemes",
                columns: new[] { "CampaignId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_ParticipantId",
                table: "CommentReports",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_AwaitsModerator",
                table: "IdeaComments",
                column: "AwaitsModerator");

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_IdeaId_Visibility_Id",
                table: "IdeaComments",
                columns: new[] { "IdeaId", "Visibility", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_IdeaComments_ParticipantId_CreatedAt",
                table: "IdeaComments",
                columns: new[] { "ParticipantId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryCriteria_CampaignId_Position",
                table: "JuryCriteria",
                columns: new[] { "CampaignId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_JuryScores_CriterionId",
                table: "JuryScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryScores_UserId",
                table: "JuryScores",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_Ideas_WinnerIdeaId",
                table: "Campaigns",
                column: "WinnerIdeaId",
                principalTable: "Ideas",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_Ideas_WinnerIdeaId",
                table: "Campaigns");

            migrationBuilder.DropTable(
                name: "CampaignThemes");

            migrationBuilder.DropTable(
                name: "CommentReports");

            migrationBuilder.DropTable(
                name: "JuryScores");

            migrationBuilder.DropTable(
                name: "IdeaComments");

            migrationBuilder.DropTable(
                name: "JuryCriteria");

            migrationBuilder.DropIndex(
                name: "IX_Ideas_CampaignId_Visibility_ThemeId_Id",
                table: "Ideas");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_WinnerIdeaId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CommentId",
                table: "ModerationActions");

            migrationBuilder.DropColumn(
                name: "CommentCount",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "FilmUrl",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "ThemeId",
                table: "Ideas");

            migrationBuilder.DropColumn(
                name: "VoteClosesOn",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "VoteOpensOn",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "WinnerAnnouncedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "WinnerIdeaId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "WinnerText",
                table: "Campaigns");
        }
    }
}
