using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoreTaskPhotosBusLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InviteId",
                table: "CoreTaskParticipants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BusStopId",
                table: "CoreTaskMaterials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PendingReview",
                table: "CoreTaskMaterials",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PhotoKey",
                table: "CoreTaskMaterials",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RejectedAt",
                table: "CoreTaskMaterials",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoreTaskBusRides",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    RideOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskBusRides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskBusRides_CoreTaskProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "CoreTaskProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoreTaskInvites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskInvites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskInvites_CoreTaskParticipants_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "CoreTaskParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreTaskInvites_CoreTaskProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "CoreTaskProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoreTaskBusStops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RideId = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    At = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Dialogue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreTaskBusStops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreTaskBusStops_CoreTaskBusRides_RideId",
                        column: x => x.RideId,
                        principalTable: "CoreTaskBusRides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskParticipants_InviteId",
                table: "CoreTaskParticipants",
                column: "InviteId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_BusStopId",
                table: "CoreTaskMaterials",
                column: "BusStopId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskMaterials_ProcessId_PendingReview",
                table: "CoreTaskMaterials",
                columns: new[] { "ProcessId", "PendingReview" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskBusRides_ProcessId_RideOn",
                table: "CoreTaskBusRides",
                columns: new[] { "ProcessId", "RideOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskBusStops_RideId",
                table: "CoreTaskBusStops",
                column: "RideId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInvites_Code",
                table: "CoreTaskInvites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInvites_CreatedById",
                table: "CoreTaskInvites",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskInvites_ProcessId",
                table: "CoreTaskInvites",
                column: "ProcessId");

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskMaterials_CoreTaskBusStops_BusStopId",
                table: "CoreTaskMaterials",
                column: "BusStopId",
                principalTable: "CoreTaskBusStops",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskParticipants_CoreTaskInvites_InviteId",
                table: "CoreTaskParticipants",
                column: "InviteId",
                principalTable: "CoreTaskInvites",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskMaterials_CoreTaskBusStops_BusStopId",
                table: "CoreTaskMaterials");

            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskParticipants_CoreTaskInvites_InviteId",
                table: "CoreTaskParticipants");

            migrationBuilder.DropTable(
                name: "CoreTaskBusStops");

            migrationBuilder.DropTable(
                name: "CoreTaskInvites");

            migrationBuilder.DropTable(
                name: "CoreTaskBusRides");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskParticipants_InviteId",
                table: "CoreTaskParticipants");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskMaterials_BusStopId",
                table: "CoreTaskMaterials");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskMaterials_ProcessId_PendingReview",
                table: "CoreTaskMaterials");

            migrationBuilder.DropColumn(
                name: "InviteId",
                table: "CoreTaskParticipants");

            migrationBuilder.DropColumn(
                name: "BusStopId",
                table: "CoreTaskMaterials");

            migrationBuilder.DropColumn(
                name: "PendingReview",
                table: "CoreTaskMaterials");

            migrationBuilder.DropColumn(
                name: "PhotoKey",
                table: "CoreTaskMaterials");

            migrationBuilder.DropColumn(
                name: "RejectedAt",
                table: "CoreTaskMaterials");
        }
    }
}
