using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class BoardAndProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "counted_on",
                table: "idea_records",
                type: "date",
                nullable: true);
            // Ideas accepted before reporting kept the day count from the day it learns it.
            migrationBuilder.Sql("UPDATE idea_records SET counted_on = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date WHERE status IN ('Accepted', 'Applied')");

            migrationBuilder.CreateTable(
                name: "board_tallies",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    scope = table.Column<short>(type: "smallint", nullable: false),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    part = table.Column<short>(type: "smallint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_board_tallies", x => new { x.year, x.scope, x.node_id, x.measure, x.part, x.day });
                });

            migrationBuilder.CreateTable(
                name: "idea_quota_records",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idea_quota_records", x => new { x.year, x.unit_id });
                });

            migrationBuilder.CreateTable(
                name: "member_grade_records",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_grade_records", x => new { x.member_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "member_state_records",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_state_records", x => new { x.member_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "milestone_records",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    milestone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_records", x => new { x.member_id, x.milestone });
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    counted_version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "unit_cluster_records",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_day = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_cluster_records", x => new { x.unit_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "unit_grade_records",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_grade_records", x => new { x.unit_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "youth_count_records",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    youths = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_youth_count_records", x => new { x.unit_id, x.counted_on });
                });

            migrationBuilder.CreateTable(
                name: "programme_revisions",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_revisions", x => new { x.year, x.version });
                    table.ForeignKey(
                        name: "fk_programme_revisions_programmes_year",
                        column: x => x.year,
                        principalTable: "programmes",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_member_grade_records_unit_id_year",
                table: "member_grade_records",
                columns: new[] { "unit_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_member_state_records_unit_id",
                table: "member_state_records",
                column: "unit_id")
                .Annotation("Npgsql:IndexInclude", new[] { "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_milestone_records_unit_id_effective_on",
                table: "milestone_records",
                columns: new[] { "unit_id", "effective_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_tallies");

            migrationBuilder.DropTable(
                name: "idea_quota_records");

            migrationBuilder.DropTable(
                name: "member_grade_records");

            migrationBuilder.DropTable(
                name: "member_state_records");

            migrationBuilder.DropTable(
                name: "milestone_records");

            migrationBuilder.DropTable(
                name: "programme_revisions");

            migrationBuilder.DropTable(
                name: "unit_cluster_records");

            migrationBuilder.DropTable(
                name: "unit_grade_records");

            migrationBuilder.DropTable(
                name: "youth_count_records");

            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropColumn(
                name: "counted_on",
                table: "idea_records");
        }
    }
}
