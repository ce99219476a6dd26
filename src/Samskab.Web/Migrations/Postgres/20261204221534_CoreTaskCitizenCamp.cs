using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoreTaskCitizenCamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CampCampaignId",
                table: "CoreTaskProcesses",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CampPublishedAt",
                table: "CoreTaskProcesses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoreTaskProcesses_CampCampaignId",
                table: "CoreTaskProcesses",
                column: "CampCampaignId");

            migrationBuilder.AddForeignKey(
                name: "FK_CoreTaskProcesses_Campaigns_CampCampaignId",
                table: "CoreTaskProcesses",
                column: "CampCampaignId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CoreTaskProcesses_Campaigns_CampCampaignId",
                table: "CoreTaskProcesses");

            migrationBuilder.DropIndex(
                name: "IX_CoreTaskProcesses_CampCampaignId",
                table: "CoreTaskProcesses");

            migrationBuilder.DropColumn(
                name: "CampCampaignId",
                table: "CoreTaskProcesses");

            migrationBuilder.DropColumn(
                name: "CampPublishedAt",
                table: "CoreTaskProcesses");
        }
    }
}
