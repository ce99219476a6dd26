using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Samskab.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailProblems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Problem",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Problem",
                table: "OutboxMessages");
        }
    }
}
