using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Inspection.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReminderRoundPerDueDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_follow_up_reminders_recommendation_id_stage",
                table: "follow_up_reminders");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reminders_recommendation_id_stage_due_on",
                table: "follow_up_reminders",
                columns: new[] { "recommendation_id", "stage", "due_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_follow_up_reminders_recommendation_id_stage_due_on",
                table: "follow_up_reminders");

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_reminders_recommendation_id_stage",
                table: "follow_up_reminders",
                columns: new[] { "recommendation_id", "stage" },
                unique: true);
        }
    }
}
