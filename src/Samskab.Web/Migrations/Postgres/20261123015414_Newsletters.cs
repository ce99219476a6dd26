using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Newsletters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DeclinesNewsletters",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SharedBodyId",
                table: "OutboxMessages",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxSharedBodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxSharedBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Newsletters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InitiativeId = table.Column<int>(type: "integer", nullable: false),
                    MeetingId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MinutesSummary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CoversFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SendStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SendStartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    LinkBase = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SharedBodyId = table.Column<long>(type: "bigint", nullable: true),
                    SnapshotHtml = table.Column<string>(type: "text", nullable: true),
                    SnapshotText = table.Column<string>(type: "text", nullable: true),
                    PublicHtml = table.Column<string>(type: "text", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Newsletters_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Newsletters_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Newsletters_OutboxSharedBodies_SharedBodyId",
                        column: x => x.SharedBodyId,
                        principalTable: "OutboxSharedBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NewsletterId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Problem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DedupeKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterRecipients_Newsletters_NewsletterId",
                        column: x => x.NewsletterId,
                        principalTable: "Newsletters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewsletterRecipients_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewsletterSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NewsletterId = table.Column<int>(type: "integer", nullable: false),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Focus = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Progress = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Challenges = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    NextSteps = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsletterSections_Newsletters_NewsletterId",
                        column: x => x.NewsletterId,
                        principalTable: "Newsletters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewsletterSections_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SharedBodyId",
                table: "OutboxMessages",
                column: "SharedBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterRecipients_DedupeKey",
                table: "NewsletterRecipients",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterRecipients_NewsletterId_PersonId",
                table: "NewsletterRecipients",
                columns: new[] { "NewsletterId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterRecipients_NewsletterId_QueuedAt",
                table: "NewsletterRecipients",
                columns: new[] { "NewsletterId", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterRecipients_PersonId",
                table: "NewsletterRecipients",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_InitiativeId_Number",
                table: "Newsletters",
                columns: new[] { "InitiativeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_MeetingId",
                table: "Newsletters",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_SharedBodyId",
                table: "Newsletters",
                column: "SharedBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Status",
                table: "Newsletters",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSections_NewsletterId_PlatformId",
                table: "NewsletterSections",
                columns: new[] { "NewsletterId", "PlatformId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterSections_PlatformId",
                table: "NewsletterSections",
                column: "PlatformId");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_OutboxSharedBodies_SharedBodyId",
                table: "OutboxMessages",
                column: "SharedBodyId",
                principalTable: "OutboxSharedBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_OutboxSharedBodies_SharedBodyId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "NewsletterRecipients");

            migrationBuilder.DropTable(
                name: "NewsletterSections");

            migrationBuilder.DropTable(
                name: "Newsletters");

            migrationBuilder.DropTable(
                name: "OutboxSharedBodies");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_SharedBodyId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DeclinesNewsletters",
                table: "People");

            migrationBuilder.DropColumn(
                name: "SharedBodyId",
                table: "OutboxMessages");
        }
    }
}
