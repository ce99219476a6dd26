using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoreTaskProcesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoreTaskFormulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Perspective = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LatestNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskFormulations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoreTaskParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    IsOwner = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FormulationVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormulationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Answers = table.Column<List<string>>(type: "text[]", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormulationVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormulationVersions_CoreTaskFormulations_FormulationId",
                        column: x => x.FormulationId,
                        principalTable: "CoreTaskFormulations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormulationVersions_CoreTaskParticipants_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreTaskProcesses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitName = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    InitiativeId = table.Column<int>(type: "integer", nullable: true),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    BlankCanvas = table.Column<bool>(type: "boolean", nullable: false),
                    ChosenQuestionId = table.Column<int>(type: "integer", nullable: true),
                    ChosenFormulationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskProcesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskProcesses_CoreTaskFormulations_ChosenFormulationId",
                        column: x => x.ChosenFormulationId,
                        principalTable: "CoreTaskFormulations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreTaskProcesses_Initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalTable: "Initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OpeningQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProposedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningQuestions_CoreTaskParticipants_ProposedById",
                        column: x => x.ProposedById,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OpeningQuestions_CoreTaskProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "CoreTaskProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpeningQuestionComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningQuestionComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningQuestionComments_CoreTaskParticipants_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OpeningQuestionComments_OpeningQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "OpeningQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskFormulations_CreatedById",
                table: "CoreTaskFormulations",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskFormulations_ProcessId_CreatedAt",
                table: "CoreTaskFormulations",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskParticipants_ProcessId_UserId",
                table: "CoreTaskParticipants",
                columns: new[] { "ProcessId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskParticipants_UserId",
                table: "CoreTaskParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskProcesses_ChosenFormulationId",
                table: "CoreTaskProcesses",
                column: "ChosenFormulationId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskProcesses_ChosenQuestionId",
                table: "CoreTaskProcesses",
                column: "ChosenQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskProcesses_InitiativeId",
                table: "CoreTaskProcesses",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_FormulationVersions_AuthorId",
                table: "FormulationVersions",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_FormulationVersions_FormulationId_Number",
                table: "FormulationVersions",
                columns: new[] { "FormulationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpeningQuestionComments_AuthorId",
                table: "OpeningQuestionComments",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_OpeningQuestionComments_QuestionId_CreatedAt",
                table: "OpeningQuestionComments",
                columns: new[] { "QuestionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpeningQuestions_ProcessId_CreatedAt",
                table: "OpeningQuestions",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpeningQuestions_ProposedById",
                table: "OpeningQuestions",
                column: "ProposedById");

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskFormulations_CoreTaskParticipants_CreatedById",
                table: "CoreTaskFormulations",
                column: "CreatedById",
                principalTable: "CoreTaskParticipants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskFormulations_CoreTaskProcesses_ProcessId",
                table: "CoreTaskFormulations",
                column: "ProcessId",
                principalTable: "CoreTaskProcesses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskParticipants_CoreTaskProcesses_ProcessId",
                table: "CoreTaskParticipants",
                column: "ProcessId",
                principalTable: "CoreTaskProcesses",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskProcesses_OpeningQuestions_ChosenQuestionId",
                table: "CoreTaskProcesses",
                column: "ChosenQuestionId",
                principalTable: "OpeningQuestions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskFormulations_CoreTaskParticipants_CreatedById",
                table: "CoreTaskFormulations");

            migrationBuilder.DropForeignKey(
                name: "FK_OpeningQuestions_CoreTaskParticipants_ProposedById",
                table: "OpeningQuestions");

            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskFormulations_CoreTaskProcesses_ProcessId",
                table: "CoreTaskFormulations");

            migrationBuilder.DropForeignKey(
                name: "FK_OpeningQuestions_CoreTaskProcesses_ProcessId",
                table: "OpeningQuestions");

            migrationBuilder.DropTable(
                name: "FormulationVersions");

            migrationBuilder.DropTable(
                name: "OpeningQuestionComments");

            migrationBuilder.DropTable(
                name: "CoreTaskParticipants");

            migrationBuilder.DropTable(
                name: "CoreTaskProcesses");

            migrationBuilder.DropTable(
                name: "CoreTaskFormulations");

            migrationBuilder.DropTable(
                name: "OpeningQuestions");
        }
    }
}
