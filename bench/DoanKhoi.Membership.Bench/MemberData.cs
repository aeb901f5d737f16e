using System.Diagnostics;
using DoanKhoi.Text;
using Npgsql;
using NpgsqlTypes;

namespace DoanKhoi.Membership.Bench;

/// <summary>What the generator put in the membership database.</summary>
public sealed record GeneratedData(
    int Members, int Units, int Clusters, Guid LargestUnitId, string LargestUnitCode, int LargestUnitMembers,
    TimeSpan Elapsed, TimeSpan CopyTime, TimeSpan IndexTime, TimeSpan AnalyzeTime);

/// <summary>Writes members straight into the membership database, after the service made its tables:
/// binary COPY into <c>members</c>, <c>member_placements</c> and <c>member_history</c> (a row each, as
/// <c>Member.Register</c> leaves them), the tables' indexes dropped for the copy and made again from
/// their own definitions, then VACUUM ANALYZE as autovacuum would leave a settled database. Names are
/// Vietnamese, their folded search key made by <see cref="VietnameseText.Fold"/> as the domain does;
/// units get members unevenly (a few big ones, many small ones), as a bloc's do.</summary>
public static class MemberData
{
    private static readonly string[] Tables = ["members", "member_placements", "member_history", "member_tallies"];

    public static async Task<GeneratedData> FillAsync(string connectionString, int count, int seed)
    {
        var total = Stopwatch.StartNew();
        var units = await ReadUnitsAsync(connectionString);
        var clusters = units.Select(u => u.ClusterId).Distinct().Count();
        var random = new Random(seed);
        var weights = units.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[weights.Length];
        for (double sum = 0, i = 0; i < weights.Length; i++) cumulative[(int)i] = sum += weights[(int)i] / weights.Sum();
        var perUnit = new int[units.Count];

        var indexes = await DropIndexesAsync(connectionString);
        var copy = Stopwatch.StartNew();
        await using (var members = await OpenAsync(connectionString))
        await using (var placements = await OpenAsync(connectionString))
        await using (var history = await OpenAsync(connectionString))
        {
            await using var memberRows = await members.BeginBinaryImportAsync(
                "COPY members (id, full_name, full_name_folded, date_of_birth, gender, ethnicity_code, citizen_id, phone, email, joined_union_on, card_number, " +
                "unit_id, branch_id, is_cadre, status, party_status, leave_reason, left_on, created_at, version) FROM STDIN (FORMAT BINARY)");
            await using var placementRows = await placements.BeginBinaryImportAsync("COPY member_placements (member_id, unit_id, branch_id, \"from\", \"to\") FROM STDIN (FORMAT BINARY)");
            await using var historyRows = await history.BeginBinaryImportAsync("COPY member_history (member_id, version, change, effective_on, detail, by, at) FROM STDIN (FORMAT BINARY)");

            var people = new People(random, DateOnly.FromDateTime(DateTime.UtcNow));
            var now = DateTimeOffset.UtcNow;
            for (var n = 0; n < count; n++)
            {
                var draw = random.NextDouble();
                var u = Array.BinarySearch(cumulative, draw);
                u = Math.Min(u < 0 ? ~u : u, units.Count - 1);
                perUnit[u]++;
                var unit = units[u];
                var p = people.Next(n);
                var branch = unit.Branches.Length > 0 && random.NextDouble() < 0.8 ? unit.Branches[random.Next(unit.Branches.Length)] : (Guid?)null;
                var id = Guid.CreateVersion7(now.AddTicks(n * 10L));

                memberRows.StartRow();
                memberRows.Write(id, NpgsqlDbType.Uuid);
                memberRows.Write(p.Name, NpgsqlDbType.Varchar);
                memberRows.Write(p.Folded, NpgsqlDbType.Varchar);
                memberRows.Write(p.Born, NpgsqlDbType.Date);
                memberRows.Write(p.Female ? "Female" : "Male", NpgsqlDbType.Varchar);
                memberRows.Write(p.Ethnicity, NpgsqlDbType.Char);
                memberRows.Write(p.CitizenId, NpgsqlDbType.Varchar);
                WriteOrNull(memberRows, p.Phone, NpgsqlDbType.Varchar);
                WriteOrNull(memberRows, p.Email, NpgsqlDbType.Varchar);
                memberRows.Write(p.Joined, NpgsqlDbType.Date);
                memberRows.Write($"B{n:D9}", NpgsqlDbType.Varchar);
                memberRows.Write(unit.Id, NpgsqlDbType.Uuid);
                WriteOrNull(memberRows, branch, NpgsqlDbType.Uuid);
                memberRows.Write(false, NpgsqlDbType.Boolean);
                memberRows.Write(p.Status, NpgsqlDbType.Varchar);
                memberRows.Write(p.Party, NpgsqlDbType.Varchar);
                WriteOrNull(memberRows, p.Status == "Left" ? "MovedAway" : null, NpgsqlDbType.Varchar);
                WriteOrNull(memberRows, p.LeftOn, NpgsqlDbType.Date);
                memberRows.Write(now, NpgsqlDbType.TimestampTz);
                memberRows.Write(p.LeftOn is null ? 1 : 2, NpgsqlDbType.Integer);

                placementRows.StartRow();
                placementRows.Write(id, NpgsqlDbType.Uuid);
                placementRows.Write(unit.Id, NpgsqlDbType.Uuid);
                WriteOrNull(placementRows, branch, NpgsqlDbType.Uuid);
                placementRows.Write(p.Joined, NpgsqlDbType.Date);
                WriteOrNull(placementRows, p.LeftOn, NpgsqlDbType.Date);

                historyRows.StartRow();
                historyRows.Write(id, NpgsqlDbType.Uuid);
                historyRows.Write(1, NpgsqlDbType.Integer);
                historyRows.Write("Registered", NpgsqlDbType.Varchar);
                historyRows.Write(p.Joined, NpgsqlDbType.Date);
                historyRows.Write(unit.Code, NpgsqlDbType.Varchar);
                historyRows.Write("system:bench", NpgsqlDbType.Varchar);
                historyRows.Write(now, NpgsqlDbType.TimestampTz);

                if ((n + 1) % 200_000 == 0) Console.WriteLine($"    {n + 1:N0} members written ({copy.Elapsed.TotalSeconds:0} s)");
            }
            await memberRows.CompleteAsync();
            await placementRows.CompleteAsync();
            await historyRows.CompleteAsync();
        }
        copy.Stop();

        var indexTime = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(connectionString))
        {
            await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'");
            foreach (var (name, definition) in indexes)
            {
                var one = Stopwatch.StartNew();
                await ExecuteAsync(connection, definition);
                Console.WriteLine($"    {name} made again in {one.Elapsed.TotalSeconds:0.0} s");
            }
            // The copy bypassed the triggers that keep the members' tallies (the statistics and a list's total add them up).
            var tallies = Stopwatch.StartNew();
            await ExecuteAsync(connection, "SELECT member_tallies_rebuild()");
            Console.WriteLine($"    member_tallies counted again in {tallies.Elapsed.TotalSeconds:0.0} s");
        }
        indexTime.Stop();
        var analyze = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(connectionString))
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}");
        analyze.Stop();

        var largest = Array.IndexOf(perUnit, perUnit.Max());
        return new GeneratedData(count, units.Count, clusters, units[largest].Id, units[largest].Code, perUnit[largest],
            total.Elapsed, copy.Elapsed, indexTime.Elapsed, analyze.Elapsed);
    }

    /// <summary>Runs a file of SQL (an index to try), then VACUUM ANALYZE of the member tables.</summary>
    public static async Task ExecuteFileAsync(string connectionString, string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connection, await File.ReadAllTextAsync(path));
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}");
        Console.WriteLine($"    done in {watch.Elapsed.TotalSeconds:0} s");
    }

    private sealed record UnitRow(Guid Id, string Code, Guid ClusterId, Guid[] Branches);

    private static async Task<List<UnitRow>> ReadUnitsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(
            "SELECT u.id, u.code, u.cluster_id, coalesce(array_agg(b.id) FILTER (WHERE b.id IS NOT NULL), '{}') FROM units u LEFT JOIN branches b ON b.unit_id = u.id " +
            "WHERE u.status = 'Open' GROUP BY u.id, u.code, u.cluster_id ORDER BY u.code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var units = new List<UnitRow>();
        while (await reader.ReadAsync()) units.Add(new UnitRow(reader.GetGuid(0), reader.GetString(1), reader.GetGuid(2), reader.GetFieldValue<Guid[]>(3)));
        return units.Count > 0 ? units : throw new InvalidOperationException("The membership database has no open unit: was the demo organisation loaded?");
    }

    /// <summary>Drops the secondary indexes of the member tables and returns their definitions, to make them again after the copy.</summary>
    private static async Task<List<(string Name, string Definition)>> DropIndexesAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        var indexes = new List<(string, string)>();
        await using (var command = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY(@tables) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.tablename, i.indexname", connection))
        {
            command.Parameters.AddWithValue("tables", Tables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        return indexes;
    }

    /// <summary>A connection for bulk loading: the rows are made consistent by construction, so the
    /// foreign-key triggers are off for it (session_replication_role, the server's superuser).</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET session_replication_role = replica");
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static void WriteOrNull(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null) writer.WriteNull();
        else writer.Write(value, type);
    }

    private static void WriteOrNull(NpgsqlBinaryImporter writer, Guid? value, NpgsqlDbType type)
    {
        if (value is { } v) writer.Write(v, type);
        else writer.WriteNull();
    }

    private static void WriteOrNull(NpgsqlBinaryImporter writer, DateOnly? value, NpgsqlDbType type)
    {
        if (value is { } v) writer.Write(v, type);
        else writer.WriteNull();
    }
}
