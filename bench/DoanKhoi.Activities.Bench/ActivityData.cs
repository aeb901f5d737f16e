using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Membership.Bench;
using DoanKhoi.Text;
using Npgsql;
using NpgsqlTypes;

namespace DoanKhoi.Activities.Bench;

/// <summary>A kind of activity of the year's programme (GET /programme): what generated activities are.</summary>
public sealed record ProgrammeKind(string Code, string Name, string Movement, string[] Quantities, string[] Subtypes);

/// <summary>What the generator put in the activities database.</summary>
public sealed record GeneratedData(
    int Members, int Activities, long Participations, int Units, int Clusters, DateOnly FirstDay, DateOnly LastDay,
    Guid[] MemberIds, Guid[] ActiveMemberIds, Guid[] ActivityIds,
    Guid LargestActivityId, int LargestActivityParticipants, Guid BusiestMemberId, int BusiestMemberParticipations,
    string ByLevel, TimeSpan Elapsed, TimeSpan CopyTime, TimeSpan IndexTime, TimeSpan AnalyzeTime);

/// <summary>Writes members, activities and their participations straight into the activities database,
/// after the service made its tables: binary COPY into <c>members</c> (activities' copy of them),
/// <c>activities</c> and <c>participations</c>, the tables' secondary indexes dropped for the copy and made
/// again from their own definitions, then VACUUM ANALYZE as autovacuum would leave a settled database.
/// Members go to the demo data set's units unevenly (a few big ones, many small ones), as a bloc's do;
/// activities are spread over the years from 2023 to two months ahead, organised by a unit (most), a
/// cluster or the bloc, each drawing its participants (one participation per member and activity) from the
/// members its organiser reaches: a bloc's activity many, a unit's a few hundred. Past activities are
/// mostly held, their participants marked attended, absent or excused, some walk-ins, some checked in.</summary>
public static class ActivityData
{
    private static readonly string[] Tables = ["members", "activities", "participations"];

    private static readonly string[] Places =
    [
        "Hội trường Tỉnh đoàn Lạng Sơn", "Quảng trường 17/10, TP Lạng Sơn", "Xã Mai Pha, TP Lạng Sơn", "Khu di tích Nhà tù Lạng Sơn",
        "Xã Tân Thanh, huyện Văn Lãng", "Thị trấn Đồng Đăng, huyện Cao Lộc", "Xã Hữu Liên, huyện Hữu Lũng", "Bệnh viện Đa khoa tỉnh Lạng Sơn",
        "Trường THPT Chuyên Chu Văn An", "Xã Mẫu Sơn, huyện Lộc Bình", "Thị trấn Na Sầm, huyện Văn Lãng", "Xã Bắc Sơn, huyện Bắc Sơn",
        "Nhà văn hóa khối 6, phường Chi Lăng", "Hội trường cơ quan", "Trực tuyến",
    ];

    public static async Task<GeneratedData> FillAsync(string connectionString, BenchSettings settings, IReadOnlyList<ProgrammeKind> kinds, DateOnly today)
    {
        var total = Stopwatch.StartNew();
        var random = new Random(settings.Seed);
        var units = await ReadUnitsAsync(connectionString);
        var clusters = units.Select(u => u.ClusterId).Distinct().ToArray();

        // Members, unevenly over the units.
        var weights = units.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).OrderBy(_ => random.Next()).ToArray();
        var cumulative = new double[weights.Length];
        for (double sum = 0, i = 0; i < weights.Length; i++) cumulative[(int)i] = sum += weights[(int)i] / weights.Sum();
        var memberIds = new Guid[settings.Members];
        var memberUnit = new int[settings.Members];
        var active = new List<Guid>(settings.Members);
        var people = new People(random, today);
        var now = DateTimeOffset.UtcNow;

        // Activities: their organisers, days and sizes, decided before anything is written.
        var first = new DateOnly(2023, 1, 1);
        var last = today.AddDays(60);
        var plans = new ActivityPlan[settings.Activities];
        for (var i = 0; i < plans.Length; i++)
        {
            var roll = random.NextDouble();
            var (level, organiser, weight) = roll switch
            {
                < 0.03 => ("Bloc", -1, 8.0),
                < 0.15 => ("Cluster", random.Next(clusters.Length), 2.5),
                _ => ("Unit", random.Next(units.Count), 1.0),
            };
            var startsOn = first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));
            plans[i] = new ActivityPlan(level, organiser, startsOn, weight * Math.Exp(0.8 * Gaussian(random)));
        }
        Array.Sort(plans, (a, b) => a.StartsOn.CompareTo(b.StartsOn));

        var indexes = await DropIndexesAsync(connectionString);
        var copy = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(connectionString))
        await using (var rows = await connection.BeginBinaryImportAsync(
                         "COPY members (id, full_name, full_name_folded, unit_id, branch_id, status, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < settings.Members; n++)
            {
                var u = Array.BinarySearch(cumulative, random.NextDouble());
                u = Math.Min(u < 0 ? ~u : u, units.Count - 1);
                var unit = units[u];
                var p = people.Next(n);
                var id = Guid.CreateVersion7(now.AddTicks(n * 10L));
                (memberIds[n], memberUnit[n]) = (id, u);
                if (p.Status == "Active") active.Add(id);
                rows.StartRow();
                rows.Write(id, NpgsqlDbType.Uuid);
                rows.Write(p.Name, NpgsqlDbType.Varchar);
                rows.Write(p.Folded, NpgsqlDbType.Varchar);
                rows.Write(unit.Id, NpgsqlDbType.Uuid);
                if (unit.Branches.Length > 0 && random.NextDouble() < 0.8) rows.Write(unit.Branches[random.Next(unit.Branches.Length)], NpgsqlDbType.Uuid);
                else rows.WriteNull();
                rows.Write(p.Status, NpgsqlDbType.Varchar);
                rows.Write(p.LeftOn is null ? 1 : 2, NpgsqlDbType.Integer);
            }
            await rows.CompleteAsync();
        }
        Console.WriteLine($"    {settings.Members:N0} members written ({copy.Elapsed.TotalSeconds:0} s)");

        // Who each organiser reaches: a unit its members, a cluster its units' members, the bloc everyone.
        var byUnit = Enumerable.Range(0, units.Count).Select(_ => new List<int>()).ToArray();
        for (var n = 0; n < memberUnit.Length; n++) byUnit[memberUnit[n]].Add(n);
        var unitPools = byUnit.Select(l => l.ToArray()).ToArray();
        var clusterPools = clusters.Select(c => units.Select((u, i) => (u, i)).Where(x => x.u.ClusterId == c).SelectMany(x => byUnit[x.i]).ToArray()).ToArray();
        var blocPool = Enumerable.Range(0, settings.Members).ToArray();
        int[] PoolOf(ActivityPlan a) => a.Level switch { "Bloc" => blocPool, "Cluster" => clusterPools[a.Organiser], _ => unitPools[a.Organiser] };
        var sizes = Sizes(plans, plans.Select(a => (int)(PoolOf(a).Length * 0.8)).ToArray(), settings.Participations, random);

        var activityIds = new Guid[plans.Length];
        var perMember = new int[settings.Members];
        long written = 0;
        await using (var activityConnection = await OpenAsync(connectionString))
        await using (var participationConnection = await OpenAsync(connectionString))
        {
            await using var activityRows = await activityConnection.BeginBinaryImportAsync(
                "COPY activities (id, title, title_folded, year, movement, programme, kind, subtype, big_activity, organiser_level, organiser_id, co_organiser_ids, " +
                "starts_on, ends_on, place, status, quantities, flags, evidence, note, cancel_reason, check_in_code, check_in_open_until, created_at, updated_at, version) " +
                "FROM STDIN (FORMAT BINARY)");
            await using var participationRows = await participationConnection.BeginBinaryImportAsync(
                "COPY participations (id, activity_id, member_id, unit_id, attendance, walk_in, registered_at, checked_in_at, updated_at, version) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < plans.Length; i++)
            {
                var a = plans[i];
                var kind = kinds[random.Next(kinds.Count)];
                var organiserName = a.Level switch { "Bloc" => "Đoàn Khối", "Cluster" => units.First(u => u.ClusterId == clusters[a.Organiser]).ClusterName, _ => units[a.Organiser].Name };
                var title = $"{kind.Name} năm {a.StartsOn.Year} – {organiserName}";
                if (title.Length > 300) title = title[..300];
                var endsOn = random.NextDouble() < 0.1 ? a.StartsOn.AddDays(random.Next(1, 4)) : a.StartsOn;
                var status = a.StartsOn > today ? "Planned" : random.NextDouble() switch { < 0.88 => "Held", < 0.92 => "Cancelled", _ => "Planned" };
                var startsAt = At(a.StartsOn, 7 * 60 + random.Next(0, 6 * 60));
                // Planned before it starts, and never after now (an activity two months ahead was planned already).
                var createdAt = startsAt.AddDays(-random.Next(7, 40)).AddMinutes(-random.Next(0, 600));
                if (createdAt > now) createdAt = now.AddMinutes(-random.Next(60, 60 * 24 * 20));
                var registrationsUntil = startsAt < now ? startsAt : now;
                var updatedAt = status switch { "Held" => startsAt.AddDays(random.Next(0, 5)).AddHours(8), "Cancelled" => startsAt.AddDays(-random.Next(1, 5)), _ => createdAt };
                var id = Guid.CreateVersion7(createdAt);
                activityIds[i] = id;
                var quantities = status == "Held" && kind.Quantities.Length > 0
                    ? JsonSerializer.Serialize(kind.Quantities.ToDictionary(q => q, _ => random.Next(10, 500)))
                    : "{}";

                activityRows.StartRow();
                activityRows.Write(id, NpgsqlDbType.Uuid);
                activityRows.Write(title, NpgsqlDbType.Varchar);
                activityRows.Write(VietnameseText.Fold(title), NpgsqlDbType.Varchar);
                activityRows.Write(a.StartsOn.Year, NpgsqlDbType.Integer);
                activityRows.Write(kind.Movement, NpgsqlDbType.Varchar);
                activityRows.WriteNull();
                activityRows.Write(kind.Code, NpgsqlDbType.Varchar);
                if (kind.Subtypes.Length > 0 && random.NextDouble() < 0.5) activityRows.Write(kind.Subtypes[random.Next(kind.Subtypes.Length)], NpgsqlDbType.Varchar);
                else activityRows.WriteNull();
                activityRows.WriteNull();
                activityRows.Write(a.Level, NpgsqlDbType.Varchar);
                if (a.Level == "Bloc") activityRows.WriteNull();
                else activityRows.Write(a.Level == "Cluster" ? clusters[a.Organiser] : units[a.Organiser].Id, NpgsqlDbType.Uuid);
                activityRows.Write(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                activityRows.Write(a.StartsOn, NpgsqlDbType.Date);
                activityRows.Write(endsOn, NpgsqlDbType.Date);
                activityRows.Write(Places[random.Next(Places.Length)], NpgsqlDbType.Varchar);
                activityRows.Write(status, NpgsqlDbType.Varchar);
                activityRows.Write(quantities, NpgsqlDbType.Jsonb);
                activityRows.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                activityRows.Write(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                activityRows.WriteNull();
                if (status == "Cancelled") activityRows.Write("Trùng lịch công tác của đơn vị", NpgsqlDbType.Varchar);
                else activityRows.WriteNull();
                activityRows.WriteNull();
                activityRows.WriteNull();
                activityRows.Write(createdAt, NpgsqlDbType.TimestampTz);
                activityRows.Write(updatedAt, NpgsqlDbType.TimestampTz);
                activityRows.Write(status == "Planned" ? 1 : 2, NpgsqlDbType.Integer);

                // Its participants: a partial shuffle of the members its organiser reaches, so each once.
                var pool = PoolOf(a);
                for (var k = 0; k < sizes[i]; k++)
                {
                    var j = k + random.Next(pool.Length - k);
                    (pool[k], pool[j]) = (pool[j], pool[k]);
                    var n = pool[k];
                    perMember[n]++;
                    var walkIn = status == "Held" && random.NextDouble() < 0.08;
                    DateTimeOffset? registeredAt = walkIn ? null : createdAt.AddMinutes(random.Next(0, (int)(registrationsUntil - createdAt).TotalMinutes));
                    var attendance = status != "Held" ? "Registered"
                        : walkIn ? "Attended"
                        : random.NextDouble() switch { < 0.80 => "Attended", < 0.87 => "Absent", < 0.92 => "Excused", _ => "Registered" };
                    DateTimeOffset? checkedInAt = attendance == "Attended" && random.NextDouble() < 0.25 ? startsAt.AddMinutes(random.Next(-30, 30)) : null;
                    var changedAt = checkedInAt ?? (attendance == "Registered" ? registeredAt!.Value : startsAt.AddHours(random.Next(2, 48)));

                    participationRows.StartRow();
                    participationRows.Write(Guid.CreateVersion7(registeredAt ?? changedAt), NpgsqlDbType.Uuid);
                    participationRows.Write(id, NpgsqlDbType.Uuid);
                    participationRows.Write(memberIds[n], NpgsqlDbType.Uuid);
                    participationRows.Write(units[memberUnit[n]].Id, NpgsqlDbType.Uuid);
                    participationRows.Write(attendance, NpgsqlDbType.Varchar);
                    participationRows.Write(walkIn, NpgsqlDbType.Boolean);
                    WriteOrNull(participationRows, registeredAt);
                    WriteOrNull(participationRows, checkedInAt);
                    participationRows.Write(changedAt, NpgsqlDbType.TimestampTz);
                    participationRows.Write(walkIn || attendance == "Registered" ? 1 : 2, NpgsqlDbType.Integer);
                    if (++written % 1_000_000 == 0) Console.WriteLine($"    {written:N0} participations written ({copy.Elapsed.TotalSeconds:0} s)");
                }
            }
            await activityRows.CompleteAsync();
            await participationRows.CompleteAsync();
        }
        copy.Stop();
        Console.WriteLine($"    {plans.Length:N0} activities and {written:N0} participations written ({copy.Elapsed.TotalSeconds:0} s)");

        var indexTime = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(connectionString))
        {
            await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
            foreach (var (name, definition) in indexes)
            {
                var one = Stopwatch.StartNew();
                await ExecuteAsync(connection, definition);
                Console.WriteLine($"    {name} made again in {one.Elapsed.TotalSeconds:0.0} s");
            }
        }
        indexTime.Stop();
        var analyze = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(connectionString))
            await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}");
        analyze.Stop();

        var largest = Array.IndexOf(sizes, sizes.Max());
        var busiest = Array.IndexOf(perMember, perMember.Max());
        var byLevel = string.Join(", ", plans.Select((a, i) => (a.Level, Size: sizes[i])).GroupBy(x => x.Level).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count():N0} activities, {g.Sum(x => (long)x.Size):N0} participations (mean {g.Average(x => x.Size):N0}, max {g.Max(x => x.Size):N0})"));
        return new GeneratedData(settings.Members, plans.Length, written, units.Count, clusters.Length, first, last,
            memberIds, [.. active], activityIds, activityIds[largest], sizes[largest], memberIds[busiest], perMember[busiest], byLevel,
            total.Elapsed, copy.Elapsed, indexTime.Elapsed, analyze.Elapsed);
    }

    private sealed record ActivityPlan(string Level, int Organiser, DateOnly StartsOn, double Weight);

    /// <summary>How many take part in each activity: in proportion to its weight, at most its cap, adding
    /// up to <paramref name="target"/> exactly.</summary>
    private static int[] Sizes(ActivityPlan[] plans, int[] caps, long target, Random random)
    {
        if (caps.Sum(c => (long)c) < target)
            throw new InvalidOperationException($"{target:N0} participations do not fit: {plans.Length:N0} activities reach at most {caps.Sum(c => (long)c):N0} members between them; generate more members or activities.");
        var capped = new bool[plans.Length];
        var sizes = new double[plans.Length];
        while (true)
        {
            var fixedSum = plans.Select((_, i) => capped[i] ? caps[i] : 0.0).Sum();
            var freeWeight = plans.Select((a, i) => capped[i] ? 0 : a.Weight).Sum();
            var scale = (target - fixedSum) / freeWeight;
            var more = false;
            for (var i = 0; i < plans.Length; i++)
            {
                if (capped[i]) { sizes[i] = caps[i]; continue; }
                sizes[i] = plans[i].Weight * scale;
                if (sizes[i] > caps[i]) (capped[i], more) = (true, true);
            }
            if (!more) break;
        }
        var result = sizes.Select(s => (int)Math.Floor(s)).ToArray();
        var rest = target - result.Sum(s => (long)s);
        while (rest > 0)
        {
            var i = random.Next(result.Length);
            if (result[i] < caps[i]) { result[i]++; rest--; }
        }
        return result;
    }

    /// <summary>A time on <paramref name="day"/> in Vietnam (UTC+7), <paramref name="minutes"/> after midnight.</summary>
    private static DateTimeOffset At(DateOnly day, int minutes) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).AddMinutes(minutes).ToUniversalTime();

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Runs a file of SQL (an index to try), then VACUUM ANALYZE of the generated tables.</summary>
    public static async Task ExecuteFileAsync(string connectionString, string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'");
        await ExecuteAsync(connection, await File.ReadAllTextAsync(path));
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}");
        Console.WriteLine($"    done in {watch.Elapsed.TotalSeconds:0} s");
    }

    private sealed record UnitRow(Guid Id, string Code, string Name, Guid ClusterId, string ClusterName, Guid[] Branches);

    private static async Task<List<UnitRow>> ReadUnitsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(
            "SELECT u.id, u.code, u.name, u.cluster_id, coalesce(c.name, ''), coalesce(array_agg(b.id) FILTER (WHERE b.id IS NOT NULL), '{}') " +
            "FROM units u LEFT JOIN clusters c ON c.id = u.cluster_id LEFT JOIN branches b ON b.unit_id = u.id " +
            "WHERE u.status = 'Open' GROUP BY u.id, u.code, u.name, u.cluster_id, c.name ORDER BY u.code", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var units = new List<UnitRow>();
        while (await reader.ReadAsync()) units.Add(new UnitRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4), reader.GetFieldValue<Guid[]>(5)));
        return units.Count > 0 ? units : throw new InvalidOperationException("Activities' copy of the organisation has no open unit: was the demo organisation loaded?");
    }

    /// <summary>Drops the secondary indexes of the generated tables and returns their definitions, to make them again after the copy.</summary>
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

    /// <summary>A connection for bulk loading: the rows are made consistent by construction, so triggers
    /// (foreign keys, were there any) are off for it (session_replication_role, the server's superuser).</summary>
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

    private static void WriteOrNull(NpgsqlBinaryImporter writer, DateTimeOffset? value)
    {
        if (value is { } v) writer.Write(v, NpgsqlDbType.TimestampTz);
        else writer.WriteNull();
    }
}
