using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DoanKhoi.Membership.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Members : Migration
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
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ethnicity_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    citizen_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    phone = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    joined_union_on = table.Column<DateOnly>(type: "date", nullable: false),
                    card_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_cadre = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    party_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    admission_resolution = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    admitting_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    leave_reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    leave_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_members_branches_branch_id",
                        column: x => x.branch_id,
                        principalTable: "branches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_members_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_history_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_placements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_placements_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    post = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_posts", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_posts_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    letter_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_branch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decision_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfers", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfers_units_from_unit_id",
                        column: x => x.from_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transfers_units_to_unit_id",
                        column: x => x.to_unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_member_history_member_id_version",
                table: "member_history",
                columns: new[] { "member_id", "version" });

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_member_id",
                table: "member_placements",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_placements_unit_id_from_to",
                table: "member_placements",
                columns: new[] { "unit_id", "from", "to" });

            migrationBuilder.CreateIndex(
                name: "ix_member_posts_member_id",
                table: "member_posts",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_branch_id",
                table: "members",
                column: "branch_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_card_number",
                table: "members",
                column: "card_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_citizen_id",
                table: "members",
                column: "citizen_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_members_date_of_birth",
                table: "members",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_members_full_name_folded",
                table: "members",
                column: "full_name_folded")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_members_phone",
                table: "members",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_members_unit_id_status_full_name_folded",
                table: "members",
                columns: new[] { "unit_id", "status", "full_name_folded" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_from_unit_id_status",
                table: "transfers",
                columns: new[] { "from_unit_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_transfers_one_pending_per_member",
                table: "transfers",
                column: "member_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_transfers_to_unit_id_status",
                table: "transfers",
                columns: new[] { "to_unit_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_history");

            migrationBuilder.DropTable(
                name: "member_placements");

            migrationBuilder.DropTable(
                name: "member_posts");

            migrationBuilder.DropTable(
                name: "transfers");

            migrationBuilder.DropTable(
                name: "members");
        }
    }
}
