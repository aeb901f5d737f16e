using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Inspection.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AuditByUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "unit_id",
                table: "audit_entries",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_unit_id_occurred_at",
                table: "audit_entries",
                columns: new[] { "unit_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_entries_unit_id_occurred_at",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "unit_id",
                table: "audit_entries");
        }
    }
}
