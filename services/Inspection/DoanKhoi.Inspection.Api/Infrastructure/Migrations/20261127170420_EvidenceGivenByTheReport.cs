using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Inspection.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceGivenByTheReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "report_id",
                table: "evidence_files");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "report_id",
                table: "evidence_files",
                type: "uuid",
                nullable: true);
        }
    }
}
