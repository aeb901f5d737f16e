using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Inspection.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InspectionsAndFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "branches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_branches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clusters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clusters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disciplinary_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    finding_id = table.Column<Guid>(type: "uuid", nullable: true),
                    annulled = table.Column<bool>(type: "boolean", nullable: false),
                    annul_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disciplinary_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_contacts",
                columns: table => new
                {
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_contacts", x => x.node_id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommendation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    email_to = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    email_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_attempts = table.Column<int>(type: "integer", nullable: false),
                    email_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_reminders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    plan_item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_from = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_to = table.Column<DateOnly>(type: "date", nullable: false),
                    team = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_on = table.Column<DateOnly>(type: "date", nullable: true),
                    conclusion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    concluded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cancel_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspections", x => x.id);
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
                name: "plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: false),
                    unit_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    dropped = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    addressee_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    addressee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    addressee_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    finding_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reopen_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    escalation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    reports = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recommendations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "social_critiques",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opinions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    opinions_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    response = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    response_on = table.Column<DateOnly>(type: "date", nullable: true),
                    withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_social_critiques", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_standings",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    open_serious_findings = table.Column<int>(type: "integer", nullable: false),
                    overdue_recommendations = table.Column<int>(type: "integer", nullable: false),
                    open_recommendations = table.Column<int>(type: "integer", nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_standings", x => x.unit_id);
                });

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_folded = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "youth_forums",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    opinions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_youth_forums", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    is_violation = table.Column<bool>(type: "boolean", nullable: false),
                    evidence = table.Column<List<string>>(type: "text[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_findings_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalTable: "inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inspection_subjects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_subjects", x => new { x.inspection_id, x.id });
                    table.ForeignKey(
                        name: "fk_inspection_subjects_inspections_inspection_id",
                        column: x => x.inspection_id,
                        principalTable: "inspections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_branches_unit_id",
                table: "branches",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_disciplinary_decisions_member_id",
                table: "disciplinary_decisions",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_disciplinary_decisions_unit_id",
                table: "disciplinary_decisions",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_inspection_id",
                table: "findings",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_findings_unit_id_severity",
                table: "findings",
                columns: new[] { "unit_id", "severity" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reminders_node_id_created_at",
                table: "follow_up_reminders",
                columns: new[] { "node_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reminders_recommendation_id_stage",
                table: "follow_up_reminders",
                columns: new[] { "recommendation_id", "stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_subjects_unit_id",
                table: "inspection_subjects",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_plan_item_id",
                table: "inspections",
                column: "plan_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspections_year_status",
                table: "inspections",
                columns: new[] { "year", "status" });

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
                name: "ix_plan_items_year_quarter",
                table: "plan_items",
                columns: new[] { "year", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_inspection_id",
                table: "recommendations",
                column: "inspection_id");

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_status_due_on",
                table: "recommendations",
                columns: new[] { "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_recommendations_unit_id_status_due_on",
                table: "recommendations",
                columns: new[] { "unit_id", "status", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_social_critiques_year",
                table: "social_critiques",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_units_cluster_id",
                table: "units",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_youth_forums_year_unit_id",
                table: "youth_forums",
                columns: new[] { "year", "unit_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "branches");

            migrationBuilder.DropTable(
                name: "clusters");

            migrationBuilder.DropTable(
                name: "disciplinary_decisions");

            migrationBuilder.DropTable(
                name: "findings");

            migrationBuilder.DropTable(
                name: "follow_up_contacts");

            migrationBuilder.DropTable(
                name: "follow_up_reminders");

            migrationBuilder.DropTable(
                name: "inspection_subjects");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "plan_items");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "social_critiques");

            migrationBuilder.DropTable(
                name: "unit_standings");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "youth_forums");

            migrationBuilder.DropTable(
                name: "inspections");
        }
    }
}
