using System.Diagnostics;
using Npgsql;

namespace DoanKhoi.Reporting.Bench;

/// <summary>How the service's own recount (BoardRecounter: every unit, cluster and the bloc of a year whose
/// programme's counted_version is behind) took the generated facts: the 2023 programme is marked uncounted,
/// as a change of the programme would, and the benchmark polls the database until the service has counted it
/// again, printing every minute how far it has come (the share of a sample of the generated units that have
/// their tallies).</summary>
public static class BoardRecount
{
    public sealed record Result(TimeSpan Elapsed, long Tallies, string ByScope, string Size, TimeSpan AnalyzeTime);

    public static async Task<Result> RunAsync(string connectionString, NationalLayout layout, Random random)
    {
        var sample = Enumerable.Range(0, Math.Min(1000, layout.Units)).Select(_ => layout.UnitIds[random.Next(layout.Units)]).Distinct().ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var version = await ScalarAsync<int>(connection, "SELECT version FROM programmes WHERE year = 2023");
        await using (var mark = new NpgsqlCommand("UPDATE programmes SET counted_version = 0 WHERE year = 2023", connection))
            await mark.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        var shown = TimeSpan.Zero;
        while (await ScalarAsync<int>(connection, "SELECT counted_version FROM programmes WHERE year = 2023") < version)
        {
            await Task.Delay(2000);
            if (watch.Elapsed - shown < TimeSpan.FromMinutes(1)) continue;
            shown = watch.Elapsed;
            await using var progress = new NpgsqlCommand(
                "SELECT count(*) FROM unnest(@units) AS u(id) WHERE EXISTS (SELECT 1 FROM board_tallies t WHERE t.year = 2023 AND t.scope = 0 AND t.node_id = u.id)", connection);
            progress.Parameters.AddWithValue("units", sample);
            var done = (long)(await progress.ExecuteScalarAsync())! / (double)sample.Length;
            var left = done > 0 ? TimeSpan.FromSeconds(watch.Elapsed.TotalSeconds * (1 - done) / done) : (TimeSpan?)null;
            Console.WriteLine($"    {watch.Elapsed.TotalMinutes:0} min: about {done:P0} of the units counted" +
                              (left is { } l ? $", about {l.TotalMinutes:0} min to go" : "") + $"; load average {Membership.Bench.Machine.LoadAverage()}");
        }
        watch.Stop();

        var analyze = Stopwatch.StartNew();
        await using (var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) board_tallies", connection) { CommandTimeout = 0 })
            await vacuum.ExecuteNonQueryAsync();
        analyze.Stop();
        var byScope = await ScalarAsync<string>(connection,
            "SELECT string_agg(s || ' ' || to_char(n, 'FM999,999,999,999'), ', ' ORDER BY scope) FROM (SELECT scope, count(*) AS n, " +
            "CASE scope WHEN 0 THEN 'units' WHEN 1 THEN 'clusters'' own' WHEN 2 THEN 'the bloc''s own' WHEN 3 THEN 'cluster totals' ELSE 'bloc total' END AS s " +
            "FROM board_tallies WHERE year = 2023 GROUP BY scope) x");
        var tallies = await ScalarAsync<long>(connection, "SELECT count(*) FROM board_tallies WHERE year = 2023");
        var size = await ScalarAsync<string>(connection, "SELECT pg_size_pretty(pg_total_relation_size('board_tallies'))");
        return new Result(watch.Elapsed, tallies, byScope, size, analyze.Elapsed);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
