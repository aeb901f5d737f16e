using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CountClustersMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The clusters meeting an "each cluster" measure are kept as Meeting steps of the cluster totals
            // from now on: every year's board is counted again (BoardRecounter) to write them.
            migrationBuilder.Sql("UPDATE programmes SET counted_version = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
