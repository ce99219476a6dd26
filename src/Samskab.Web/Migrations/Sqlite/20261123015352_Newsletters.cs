using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SharedBodyId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxSharedBodies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxSharedBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Newsletters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InitiativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    MinutesSummary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CoversFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    SendStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SendStartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkBase = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SharedBodyId = table.Column<long>(type: "INTEGER", nullable: true),
                    SnapshotHtml = table.Column<string>(type: "TEXT", nullable: true),
                    SnapshotText = table.Column<string>(type: "TEXT", nullable: true),
                    PublicHtml = table.Column<string>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NewsletterId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NewsletterId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Focus = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Challenges = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
