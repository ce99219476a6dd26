using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoreTaskMaterial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoreTaskMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 160, nullable: true),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Surprise = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhySteps = table.Column<string>(type: "TEXT", nullable: false),
                    UnderlyingNeed = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskMaterials_CoreTaskParticipants_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreTaskMaterials_CoreTaskProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "CoreTaskProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_AuthorId",
                table: "CoreTaskMaterials",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_ProcessId_Kind_CreatedAt",
                table: "CoreTaskMaterials",
                columns: new[] { "ProcessId", "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoreTaskMaterials");
        }
    }
}
