using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StagnationWeeks",
                table: "Initiatives",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RealityChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ProposalId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RealityCheckId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    GoalProgress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Participation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Obstacles = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NeedsSparring = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedChange = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
