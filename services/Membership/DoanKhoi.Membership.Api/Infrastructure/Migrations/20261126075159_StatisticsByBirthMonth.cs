using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Membership.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsByBirthMonth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_date_of_birth",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_date_of_birth",
                table: "members",
                column: "date_of_birth")
                .Annotation("Npgsql:IndexInclude", new[] { "unit_id", "gender", "party_status", "is_cadre", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_members_date_of_birth",
                table: "members");

            migrationBuilder.CreateIndex(
                name: "ix_members_date_of_birth",
                table: "members",
                column: "date_of_birth");
        }
    }
}
