using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Membership.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CurrentMembersByUnitAndName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_members_current_by_unit_and_name",
                table: "members",
                columns: new[] { "unit_id", "full_name_folded", "date_of_birth", "id" },
                filter: "status IN ('Active', 'InTransfer')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_current_by_unit_and_name",
                table: "members");
        }
    }
}
