using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LocalAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LocalAreaId",
                table: "Campaigns",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LocalAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ForumName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ForumContact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ForumEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Places = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AreaBridgeBuilders",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Presentation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ImageKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaBridgeBuilders", x => new { x.AreaId, x.UserId });
                    table.ForeignKey(
                        name: "FK_AreaBridgeBuilders_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaBridgeBuilders_LocalAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "LocalAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaFollowers",
                columns: table => new
                {
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DigestedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaFollowers", x => new { x.AreaId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_AreaFollowers_LocalAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "LocalAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaFollowers_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AreaRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    ImageKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DepartmentContact = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    ExpectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LatestAnswer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnswerDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstAnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    MessageCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AreaRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AreaRequests_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AreaRequests_LocalAreas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "LocalAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AreaRequests_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RequestEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FromStaff = table.Column<bool>(type: "boolean", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ByParticipantId = table.Column<int>(type: "integer", nullable: true),
                    ByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StaffOnly = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEntries_AreaRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "AreaRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_LocalAreaId",
                table: "Campaigns",
                column: "LocalAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaBridgeBuilders_UserId",
                table: "AreaBridgeBuilders",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaFollowers_ParticipantId",
                table: "AreaFollowers",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaFollowers_Token",
                table: "AreaFollowers",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_AreaId_Id",
                table: "AreaRequests",
                columns: new[] { "AreaId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_OwnerUserId_State",
                table: "AreaRequests",
                columns: new[] { "OwnerUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_ParticipantId",
                table: "AreaRequests",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_State_AnswerDueOn",
                table: "AreaRequests",
                columns: new[] { "State", "AnswerDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_UpdatedAt",
                table: "AreaRequests",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LocalAreas_Name",
                table: "LocalAreas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestEntries_RequestId_Id",
                table: "RequestEntries",
                columns: new[] { "RequestId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Campaigns_LocalAreas_LocalAreaId",
                table: "Campaigns",
                column: "LocalAreaId",
                principalTable: "LocalAreas",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Campaigns_LocalAreas_LocalAreaId",
                table: "Campaigns");

            migrationBuilder.DropTable(
                name: "AreaBridgeBuilders");

            migrationBuilder.DropTable(
                name: "AreaFollowers");

            migrationBuilder.DropTable(
                name: "RequestEntries");

            migrationBuilder.DropTable(
                name: "AreaRequests");

            migrationBuilder.DropTable(
                name: "LocalAreas");

            migrationBuilder.DropIndex(
                name: "IX_Campaigns_LocalAreaId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LocalAreaId",
                table: "Campaigns");
        }
    }
}
