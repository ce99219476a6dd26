using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoreTaskInsights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InsightId",
                table: "CoreTaskMaterials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoreTaskInsights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedIntoId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskInsights", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskInsights_CoreTaskInsights_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "CoreTaskInsights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreTaskInsights_CoreTaskParticipants_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreTaskInsights_CoreTaskProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "CoreTaskProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsightValidations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InsightId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightValidations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightValidations_CoreTaskInsights_InsightId",
                        column: x => x.InsightId,
                        principalTable: "CoreTaskInsights",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InsightValidations_CoreTaskParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_InsightId",
                table: "CoreTaskMaterials",
                column: "InsightId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_ProcessId_InsightId_CreatedAt",
                table: "CoreTaskMaterials",
                columns: new[] { "ProcessId", "InsightId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInsights_CreatedById",
                table: "CoreTaskInsights",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInsights_MergedIntoId",
                table: "CoreTaskInsights",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInsights_ProcessId_CreatedAt",
                table: "CoreTaskInsights",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightValidations_InsightId_ParticipantId",
                table: "InsightValidations",
                columns: new[] { "InsightId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightValidations_ParticipantId",
                table: "InsightValidations",
                column: "ParticipantId");

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskMaterials_CoreTaskInsights_InsightId",
                table: "CoreTaskMaterials",
                column: "InsightId",
                principalTable: "CoreTaskInsights",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskMaterials_CoreTaskInsights_InsightId",
                table: "CoreTaskMaterials");

            migrationBuilder.DropTable(
                name: "InsightValidations");

            migrationBuilder.DropTable(
                name: "CoreTaskInsights");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskMaterials_InsightId",
                table: "CoreTaskMaterials");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskMaterials_ProcessId_InsightId_CreatedAt",
                table: "CoreTaskMaterials");

            migrationBuilder.DropColumn(
                name: "InsightId",
                table: "CoreTaskMaterials");
        }
    }
}
