using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Activities.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MemberNameIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_members_full_name_folded_id",
                table: "members",
                columns: new[] { "full_name_folded", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_id",
                table: "members",
                column: "id")
                .Annotation("Npgsql:IndexInclude", new[] { "full_name_folded", "full_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_full_name_folded_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_id",
                table: "members");
        }
    }
}
