using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Identity.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MemberCopy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    full_name_folded = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_unit_id",
                table: "members",
                column: "unit_id");

            // What identity knew of each member moves into the shared copy as it was; the folded name (for
            // search) is the lower-case name until membership's next event about the member folds it.
            migrationBuilder.Sql("""
                INSERT INTO members (id, full_name, full_name_folded, unit_id, branch_id, status, version)
                SELECT id, full_name, lower(full_name), unit_id, branch_id, status, version FROM known_members;
                """);

            migrationBuilder.DropTable(
                name: "known_members");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.CreateTable(
                name: "known_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_members", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_known_members_unit_id",
                table: "known_members",
                column: "unit_id");
        }
    }
}
