using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocalAreaIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AreaRequests_State_AnswerDueOn",
                table: "AreaRequests");

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_CreatedAt",
                table: "AreaRequests",
                columns: new[] { "AreaId", "ClosedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_FirstAnsweredAt_AnswerDueOn",
                table: "AreaRequests",
                columns: new[] { "AreaId", "ClosedAt", "FirstAnsweredAt", "AnswerDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_State_UpdatedAt",
                table: "AreaRequests",
                columns: new[] { "AreaId", "ClosedAt", "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_CreatedAt",
                table: "AreaRequests",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_CreatedAt",
                table: "AreaRequests");

            migrationBuilder.DropIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_FirstAnsweredAt_AnswerDueOn",
                table: "AreaRequests");

            migrationBuilder.DropIndex(
                name: "IX_AreaRequests_AreaId_ClosedAt_State_UpdatedAt",
                table: "AreaRequests");

            migrationBuilder.DropIndex(
                name: "IX_AreaRequests_CreatedAt",
                table: "AreaRequests");

            migrationBuilder.CreateIndex(
                name: "IX_AreaRequests_State_AnswerDueOn",
                table: "AreaRequests",
                columns: new[] { "State", "AnswerDueOn" });
        }
    }
}
