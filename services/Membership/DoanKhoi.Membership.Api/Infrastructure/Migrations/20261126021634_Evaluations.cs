using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DoanKhoi.Membership.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "evaluation_years",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_years", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "member_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    graded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    graded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_evaluations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_member_evaluations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unit_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    graded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    graded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_evaluations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "youth_counts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    counted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    youths = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_youth_counts", x => x.id);
                    table.ForeignKey(
                        name: "fk_youth_counts_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_year_steps",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_year_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_year_steps_evaluation_years_year",
                        column: x => x.year,
                        principalTable: "evaluation_years",
                        principalColumn: "year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_year_steps_year",
                table: "evaluation_year_steps",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_member_evaluations_member_id_year",
                table: "member_evaluations",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_evaluations_unit_id",
                table: "member_evaluations",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_evaluations_year_unit_id_grade",
                table: "member_evaluations",
                columns: new[] { "year", "unit_id", "grade" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_evaluations_unit_id_year",
                table: "unit_evaluations",
                columns: new[] { "unit_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_youth_counts_unit_id_counted_on",
                table: "youth_counts",
                columns: new[] { "unit_id", "counted_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_year_steps");

            migrationBuilder.DropTable(
                name: "member_evaluations");

            migrationBuilder.DropTable(
                name: "unit_evaluations");

            migrationBuilder.DropTable(
                name: "youth_counts");

            migrationBuilder.DropTable(
                name: "evaluation_years");
        }
    }
}
