using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Identity.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SearchableDisplayName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "display_name_folded",
                table: "AspNetUsers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "display_name_folded",
                table: "AspNetUsers");
        }
    }
}
