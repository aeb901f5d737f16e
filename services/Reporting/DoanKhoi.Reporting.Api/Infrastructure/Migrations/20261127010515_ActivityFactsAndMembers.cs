using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ActivityFactsAndMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    movement = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    subtype = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    big_activity = table.Column<int>(type: "integer", nullable: true),
                    organiser_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organiser_id = table.Column<Guid>(type: "uuid", nullable: true),
                    co_organiser_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    quantities = table.Column<string>(type: "jsonb", nullable: false),
                    flags = table.Column<List<string>>(type: "text[]", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idea_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_records", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "participation_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    walk_in = table.Column<bool>(type: "boolean", nullable: false),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_participation_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_records_organiser_level_organiser_id",
                table: "activity_records",
                columns: new[] { "organiser_level", "organiser_id" });

            migrationBuilder.CreateIndex(
                name: "ix_activity_records_year_kind",
                table: "activity_records",
                columns: new[] { "year", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_idea_records_year_unit_id",
                table: "idea_records",
                columns: new[] { "year", "unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_full_name_folded_id",
                table: "members",
                columns: new[] { "full_name_folded", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_id",
                table: "members",
                column: "id")
                .Annotation("Npgsql:IndexInclude", new[] { "full_name_folded", "full_name" });

            migrationBuilder.CreateIndex(
                name: "ix_members_unit_id",
                table: "members",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_participation_records_activity_id",
                table: "participation_records",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_participation_records_unit_id_activity_id",
                table: "participation_records",
                columns: new[] { "unit_id", "activity_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_records");

            migrationBuilder.DropTable(
                name: "idea_records");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "participation_records");
        }
    }
}
