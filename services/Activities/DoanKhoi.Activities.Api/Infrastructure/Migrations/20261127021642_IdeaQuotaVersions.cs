using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Activities.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class IdeaQuotaVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "idea_quotas",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "idea_quotas");
        }
    }
}
