using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Security : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_Name",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Invitations_ReplyToken",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "Invitations");

            migrationBuilder.AddColumn<long>(
                name: "ContactConsentChangedAt",
                table: "InitiativeMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharesContactDetails",
                table: "InitiativeMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "InitiativeId",
                table: "ContactConsents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Consent to share contact details becomes per initiative: each membership takes the person's consent
            // as it stood, and the consent history is copied to every initiative the person is in.
            migrationBuilder.Sql("""
                UPDATE "InitiativeMembers" SET
                    "SharesContactDetails" = (SELECT p."SharesContactDetails" FROM "People" p WHERE p."Id" = "InitiativeMembers"."PersonId"),
                    "ContactConsentChangedAt" = (SELECT p."ContactConsentChangedAt" FROM "People" p WHERE p."Id" = "InitiativeMembers"."PersonId");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ContactConsents" ("PersonId", "Given", "At", "RecordedBy", "InitiativeId")
                SELECT c."PersonId", c."Given", c."At", c."RecordedBy", m."InitiativeId"
                FROM "ContactConsents" c JOIN "InitiativeMembers" m ON m."PersonId" = c."PersonId"
                WHERE c."InitiativeId" = 0;
                """);
            migrationBuilder.Sql("""DELETE FROM "ContactConsents" WHERE "InitiativeId" = 0;""");

            migrationBuilder.DropColumn(
                name: "SharesContactDetails",
                table: "People");

            migrationBuilder.RenameColumn(
                name: "ContactConsentChangedAt",
                table: "People",
                newName: "AnonymisedAt");

            migrationBuilder.Sql("""UPDATE "People" SET "AnonymisedAt" = NULL;""");

            migrationBuilder.CreateTable(
                name: "SignInFailures",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInFailures", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactConsents_InitiativeId_PersonId",
                table: "ContactConsents",
                columns: new[] { "InitiativeId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInFailures_LastFailureAt",
                table: "SignInFailures",
                column: "LastFailureAt");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_ContactConsents_Initiatives_InitiativeId",
                table: "ContactConsents",
                column: "InitiativeId",
                principalTable: "Initiatives",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ContactConsents_Initiatives_InitiativeId",
                table: "ContactConsents");

            migrationBuilder.DropTable(
                name: "SignInFailures");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Name",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_ContactConsents_InitiativeId_PersonId",
                table: "ContactConsents");

            migrationBuilder.DropColumn(
                name: "ContactConsentChangedAt",
                table: "InitiativeMembers");

            migrationBuilder.DropColumn(
                name: "SharesContactDetails",
                table: "InitiativeMembers");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "ContactConsents");

            migrationBuilder.RenameColumn(
                name: "AnonymisedAt",
                table: "People",
                newName: "ContactConsentChangedAt");

            migrationBuilder.AddColumn<bool>(
                name: "SharesContactDetails",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "Invitations",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Invitations_ReplyToken",
                table: "Invitations",
                column: "ReplyToken",
                unique: true);
        }
    }
}
