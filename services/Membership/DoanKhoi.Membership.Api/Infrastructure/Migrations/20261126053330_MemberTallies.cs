using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DoanKhoi.Membership.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class MemberTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "member_tallies",
                columns: table => new
                {
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    party_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_cadre = table.Column<bool>(type: "boolean", nullable: false),
                    born_in = table.Column<DateOnly>(type: "date", nullable: false),
                    members = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_tallies", x => new { x.unit_id, x.status, x.gender, x.party_status, x.is_cadre, x.born_in });
                });

            // Each statement that writes members counts them in the same transaction: those it removed count
            // down, those it wrote up, in one upsert in key order (two transactions never lock the same
            // tallies in opposite orders). A bulk load that bypasses triggers calls member_tallies_rebuild().
            migrationBuilder.Sql($$"""
                CREATE FUNCTION member_tallies_count() RETURNS trigger LANGUAGE plpgsql AS $count$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO member_tallies AS t ({{Columns}}, members)
                        SELECT {{Keys}}, count(*) FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
                        ON CONFLICT ({{Columns}}) DO UPDATE SET members = t.members + excluded.members;
                    ELSIF TG_OP = 'UPDATE' THEN
                        INSERT INTO member_tallies AS t ({{Columns}}, members)
                        SELECT {{Columns}}, sum(change) FROM (
                            SELECT {{Keys}}, -1 AS change FROM old_rows
                            UNION ALL
                            SELECT {{Keys}}, 1 FROM new_rows) AS c
                        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(change) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
                        ON CONFLICT ({{Columns}}) DO UPDATE SET members = t.members + excluded.members;
                    ELSE
                        INSERT INTO member_tallies AS t ({{Columns}}, members)
                        SELECT {{Keys}}, -count(*) FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
                        ON CONFLICT ({{Columns}}) DO UPDATE SET members = t.members + excluded.members;
                    END IF;
                    RETURN NULL;
                END
                $count$;

                CREATE TRIGGER members_tally_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_count();
                CREATE TRIGGER members_tally_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_count();
                CREATE TRIGGER members_tally_delete AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION member_tallies_count();

                CREATE FUNCTION member_tallies_rebuild() RETURNS void LANGUAGE sql AS $rebuild$
                    DELETE FROM member_tallies;
                    INSERT INTO member_tallies ({{Columns}}, members)
                    SELECT {{Keys}}, count(*) FROM members GROUP BY 1, 2, 3, 4, 5, 6;
                $rebuild$;

                SELECT member_tallies_rebuild();
                """);
        }

        /// <summary>The tally's key, as the table names it, and as a member's row gives it (the first day of the month of birth).</summary>
        private const string Columns = "unit_id, status, gender, party_status, is_cadre, born_in";
        private const string Keys = "unit_id, status, gender, party_status, is_cadre, date_of_birth - (extract(day FROM date_of_birth)::int - 1) AS born_in";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER members_tally_insert ON members;
                DROP TRIGGER members_tally_update ON members;
                DROP TRIGGER members_tally_delete ON members;
                DROP FUNCTION member_tallies_count();
                DROP FUNCTION member_tallies_rebuild();
                """);
            migrationBuilder.DropTable(
                name: "member_tallies");
        }
    }
}
