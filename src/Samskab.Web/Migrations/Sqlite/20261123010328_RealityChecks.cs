using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RealityChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RealityCheckIntervalWeeks",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StagnationWeeks",
                table: "Initiatives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RealityChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RealityChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RealityChecks_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RealityCheckAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RealityCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoalProgress = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Participation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Obstacles = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NeedsSparring = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposedChange = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RealityCheckAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RealityCheckAnswers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RealityCheckAnswers_RealityChecks_RealityCheckId",
                        column: x => x.RealityCheckId,
                        principalTable: "RealityChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RealityCheckAnswers_PersonId",
                table: "RealityCheckAnswers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_RealityCheckAnswers_RealityCheckId_PersonId",
                table: "RealityCheckAnswers",
                columns: new[] { "RealityCheckId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RealityChecks_PlatformId_StartedAt",
                table: "RealityChecks",
                columns: new[] { "PlatformId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RealityCheckAnswers");

            migrationBuilder.DropTable(
                name: "RealityChecks");

            migrationBuilder.DropColumn(
                name: "RealityCheckIntervalWeeks",
                table: "Initiatives");

            migrationBuilder.DropColumn(
                name: "StagnationWeeks",
                table: "Initiatives");
        }
    }
}
