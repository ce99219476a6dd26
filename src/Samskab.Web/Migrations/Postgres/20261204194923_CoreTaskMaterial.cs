using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: true),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Surprise = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhySteps = table.Column<List<string>>(type: "text[]", nullable: false),
                    UnderlyingNeed = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
