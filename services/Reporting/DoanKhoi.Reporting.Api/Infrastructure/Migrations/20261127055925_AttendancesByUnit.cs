using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AttendancesByUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_participation_records_unit_id",
                table: "participation_records",
                column: "unit_id",
                filter: "attendance = 'Attended' AND NOT withdrawn")
                .Annotation("Npgsql:IndexInclude", new[] { "activity_id", "member_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_participation_records_unit_id",
                table: "participation_records");
        }
    }
}
