using System.Text.Json;
using NpgsqlTypes;

namespace DoanKhoi.Reporting.Bench;

/// <summary>A kind of activity of the 2023 programme (GET /api/activities/programme): what generated activities are.</summary>
public sealed record ProgrammeKind(string Code, string Name, string Movement, string[] Quantities, string[] Subtypes, string[] Flags);

/// <summary>The activities written, in the order written; unit u's are those numbered UnitActivities[UnitActivityStart[u]] to
/// UnitActivities[UnitActivityStart[u + 1] - 1].</summary>
public sealed record ActivityIndex(Guid[] ActivityIds, bool[] Held, int[] UnitActivityStart, int[] UnitActivities, long Participations, string ByLevel);

/// <summary>Writes a year of activities into reporting's records as its consumer keeps them from activities'
/// events (the newest state of each): about 50 per unit, 2 % by the clusters and 0.1 % by the bloc, of the
/// programme's kinds in a plausible mix (thematic sessions and political study most, tree planting, volunteering,
/// youth projects with their flags, blood donation, children's support…), spread over 2023 and written day by
/// day as reporting hears of them, most held with the quantities their kind records; and their participations
/// (one per member and activity, most attended), drawn from the members the organiser reaches: a unit's activity
/// its own members (about ten), a cluster's its units' (about 40), the bloc's everyone (about 200); 90 %, 8 % and
/// 2 % of the participations.</summary>
public static class ActivityRows
{
    private static readonly Dictionary<string, double> KindWeights = new()
    {
        ["thematic-session"] = 15, ["political-study"] = 14, ["volunteer-activity"] = 12, ["tree-planting"] = 8, ["sports-cultural-event"] = 8,
        ["youth-project"] = 6, ["children-support"] = 6, ["traditional-education"] = 5, ["digital-outreach"] = 5, ["blood-donation"] = 3,
        ["career-counselling"] = 3, ["volunteer-saturday"] = 3, ["model-or-solution"] = 2, ["job-referral"] = 2, ["poor-household-support"] = 2,
        ["free-medical-examination"] = 2, ["border-activity"] = 2,
    };

    private static readonly Dictionary<string, (int Min, int Max)> QuantityRanges = new()
    {
        ["trees-planted"] = (10, 300), ["youths-reached"] = (5, 200), ["blood-units"] = (5, 60), ["people-examined"] = (20, 300),
        ["children-supported"] = (5, 80), ["households-supported"] = (1, 5), ["youths-counselled"] = (10, 200), ["jobs-referred"] = (1, 20),
    };

    public static async Task<ActivityIndex> WriteAsync(string connectionString, BenchSettings settings, NationalLayout layout, Guid[] memberIds,
        IReadOnlyList<ProgrammeKind> kinds, Random random, IdSequence ids)
    {
        var blocActivities = Math.Max(10, (int)Math.Round(settings.Activities * 0.001));
        var perCluster = Math.Max(1, (int)Math.Round(settings.Activities * 0.02 / layout.Clusters));
        var unitActivities = settings.Activities - blocActivities - (long)perCluster * layout.Clusters;

        // How many each unit holds: more in the larger units.
        var meanMembers = (double)layout.Members / layout.Units;
        var counts = new int[layout.Units];
        for (var u = 0; u < layout.Units; u++)
        {
            var mean = (double)unitActivities / layout.Units * (0.5 + 0.5 * layout.MembersOf(u) / meanMembers);
            counts[u] = (int)mean + (random.NextDouble() < mean - Math.Floor(mean) ? 1 : 0);
        }
        var unitStart = new int[layout.Units + 1];
        for (var u = 0; u < layout.Units; u++) unitStart[u + 1] = unitStart[u] + counts[u];

        // Each activity's organiser and day, then written by day: the order reporting hears of them through the
        // year, every organiser's mixed with the others', so a unit's rows lie scattered over the tables as they would.
        var planned = new List<Planned>(unitStart[^1] + perCluster * layout.Clusters + blocActivities);
        for (var u = 0; u < layout.Units; u++)
            for (var i = 0; i < counts[u]; i++) planned.Add(new Planned(Level.Unit, u, (short)random.Next(365)));
        for (var c = 0; c < layout.Clusters; c++)
            for (var i = 0; i < perCluster; i++) planned.Add(new Planned(Level.Cluster, c, (short)random.Next(365)));
        for (var i = 0; i < blocActivities; i++) planned.Add(new Planned(Level.Bloc, -1, (short)random.Next(365)));
        var byDay = planned.Select((p, i) => (p.Day, i)).OrderBy(x => x.Day).ThenBy(_ => random.Next()).Select(x => planned[x.i]).ToArray();
        var activityIds = new Guid[byDay.Length];
        var held = new bool[byDay.Length];
        var unitActivityIndexes = new int[unitStart[^1]];
        var cursor = unitStart[..^1].ToArray();

        // Sizes: a lognormal spread (mean 1) around a share of the pool, adding up to 90 %, 8 % and 2 % of the target.
        var unitShare = 0.90 * settings.Participations / Enumerable.Range(0, layout.Units).Sum(u => (double)counts[u] * layout.MembersOf(u));
        var clusterSize = 0.08 * settings.Participations / ((double)perCluster * layout.Clusters);
        var blocSize = 0.02 * settings.Participations / blocActivities;

        var picker = new KindPicker(kinds);
        var byLevel = new Dictionary<Level, (long Activities, long Participations)>();
        await using var activityConnection = await BulkLoad.OpenAsync(connectionString);
        await using var participationConnection = await BulkLoad.OpenAsync(connectionString);
        await using var activityRows = await activityConnection.BeginBinaryImportAsync(
            "COPY activity_records (id, title, year, movement, kind, subtype, big_activity, organiser_level, organiser_id, co_organiser_ids, " +
            "starts_on, ends_on, status, quantities, flags, version) FROM STDIN (FORMAT BINARY)");
        await using var participationRows = await participationConnection.BeginBinaryImportAsync(
            "COPY participation_records (id, activity_id, member_id, unit_id, attendance, walk_in, withdrawn, version) FROM STDIN (FORMAT BINARY)");
        long written = 0;
        var drawn = new HashSet<long>();
        for (var next = 0; next < byDay.Length; next++)
        {
            var a = byDay[next];
            var (organiser, organiserName, poolFrom, poolTo, size) = a.Level switch
            {
                Level.Unit => ((Guid?)layout.UnitIds[a.Organiser], $"đơn vị CS{a.Organiser + 1:000000}", layout.MemberStart[a.Organiser],
                    layout.MemberStart[a.Organiser + 1], layout.MembersOf(a.Organiser) * unitShare),
                Level.Cluster => (layout.ClusterIds[a.Organiser], $"Cụm thi đua số {a.Organiser + 1}", layout.MemberStart[layout.UnitStart[a.Organiser]],
                    layout.MemberStart[layout.UnitStart[a.Organiser + 1]], clusterSize),
                _ => (null, "Đoàn Khối", 0, layout.Members, blocSize),
            };
            if (a.Level == Level.Unit) unitActivityIndexes[cursor[a.Organiser]++] = next;

            var kind = picker.Next(random);
            var startsOn = MemberRows.YearStart.AddDays(a.Day);
            var endsOn = random.NextDouble() < 0.1 ? startsOn.AddDays(random.Next(1, 4)) : startsOn;
            if (endsOn > MemberRows.YearEnd) endsOn = MemberRows.YearEnd;
            var status = random.NextDouble() switch { < 0.92 => "Held", < 0.97 => "Cancelled", _ => "Planned" };
            var id = activityIds[next] = ids.Next();
            held[next] = status == "Held";
            var title = $"{kind.Name} – {organiserName}";
            activityRows.StartRow();
            activityRows.Write(id, NpgsqlDbType.Uuid);
            activityRows.Write(title.Length > 300 ? title[..300] : title, NpgsqlDbType.Varchar);
            activityRows.Write(2023, NpgsqlDbType.Integer);
            activityRows.Write(kind.Movement, NpgsqlDbType.Varchar);
            activityRows.Write(kind.Code, NpgsqlDbType.Varchar);
            activityRows.WriteOrNull(kind.Subtypes.Length > 0 && random.NextDouble() < 0.5 ? kind.Subtypes[random.Next(kind.Subtypes.Length)] : null);
            activityRows.WriteNull();
            activityRows.Write(a.Level.ToString(), NpgsqlDbType.Varchar);
            if (organiser is { } o) activityRows.Write(o, NpgsqlDbType.Uuid);
            else activityRows.WriteNull();
            activityRows.Write(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
            activityRows.Write(startsOn, NpgsqlDbType.Date);
            activityRows.Write(endsOn, NpgsqlDbType.Date);
            activityRows.Write(status, NpgsqlDbType.Varchar);
            activityRows.Write(status == "Held" ? JsonSerializer.Serialize(Quantities(kind, random)) : "{}", NpgsqlDbType.Jsonb);
            activityRows.Write(Flags(kind, random), NpgsqlDbType.Array | NpgsqlDbType.Text);
            activityRows.Write(status == "Planned" ? 1 : 2, NpgsqlDbType.Integer);

            // Its participants: distinct members of the pool (Floyd's sampling), most attended if it was held.
            var pool = poolTo - poolFrom;
            var k = (int)Math.Min(pool, Math.Round(size * Math.Exp(0.6 * NationalLayout.Gaussian(random) - 0.18)));
            drawn.Clear();
            for (var j = pool - k; j < pool; j++)
            {
                var t = (long)(random.NextDouble() * (j + 1));
                var n = poolFrom + (drawn.Add(t) ? t : j);
                if (n == poolFrom + j) drawn.Add(j);
                var (attendance, walkIn, withdrawn) = status != "Held"
                    ? ("Registered", false, random.NextDouble() < 0.03)
                    : random.NextDouble() switch
                    {
                        < 0.07 => ("Attended", true, false),
                        < 0.80 => ("Attended", false, false),
                        < 0.87 => ("Absent", false, false),
                        < 0.92 => ("Excused", false, false),
                        _ => ("Registered", false, false),
                    };
                participationRows.StartRow();
                participationRows.Write(ids.Next(), NpgsqlDbType.Uuid);
                participationRows.Write(id, NpgsqlDbType.Uuid);
                participationRows.Write(memberIds[n], NpgsqlDbType.Uuid);
                participationRows.Write(layout.UnitIds[a.Level == Level.Unit ? a.Organiser : UnitOf(layout, n)], NpgsqlDbType.Uuid);
                participationRows.Write(attendance, NpgsqlDbType.Varchar);
                participationRows.Write(walkIn, NpgsqlDbType.Boolean);
                participationRows.Write(withdrawn, NpgsqlDbType.Boolean);
                participationRows.Write(attendance == "Registered" && !walkIn ? 1 : 2, NpgsqlDbType.Integer);
                if (++written % 5_000_000 == 0) Console.WriteLine($"    {written:N0} participations written");
            }
            var sum = byLevel.GetValueOrDefault(a.Level);
            byLevel[a.Level] = (sum.Activities + 1, sum.Participations + k);
        }
        await activityRows.CompleteAsync();
        await participationRows.CompleteAsync();

        var summary = string.Join(", ", byLevel.OrderBy(l => l.Key).Select(l => $"{l.Key} {l.Value.Activities:N0} activities, {l.Value.Participations:N0} participations"));
        return new ActivityIndex(activityIds, held, unitStart, unitActivityIndexes, written, summary);
    }

    private enum Level : byte
    {
        Unit,
        Cluster,
        Bloc,
    }

    /// <summary>An activity before it is written: who organises it and on which day of 2023.</summary>
    private readonly record struct Planned(Level Level, int Organiser, short Day);

    /// <summary>The unit (number) of member number <paramref name="n"/>.</summary>
    public static int UnitOf(NationalLayout layout, long n)
    {
        var i = Array.BinarySearch(layout.MemberStart, n);
        if (i < 0) return ~i - 1;
        // Units without members share a start: the member belongs to the last of them.
        while (i + 1 < layout.MemberStart.Length - 1 && layout.MemberStart[i + 1] == n) i++;
        return i;
    }

    /// <summary>What a held activity of the kind recorded, by quantity code, as activities publishes it.</summary>
    public static Dictionary<string, int> Quantities(ProgrammeKind kind, Random random) =>
        kind.Quantities.ToDictionary(q => q, q => QuantityRanges.GetValueOrDefault(q, (1, 50)) is var (min, max) ? random.Next(min, max + 1) : 0);

    /// <summary>A youth project carries one or two of its kind's flags most of the time; a kind with one flag, that one.</summary>
    public static string[] Flags(ProgrammeKind kind, Random random) => kind.Flags.Length switch
    {
        0 => [],
        1 => kind.Flags,
        _ when random.NextDouble() < 0.4 => [],
        _ => kind.Flags.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.8 ? 1 : 2).ToArray(),
    };

    private sealed class KindPicker(IReadOnlyList<ProgrammeKind> kinds)
    {
        private readonly double[] _cumulative = Cumulate(kinds.Select(k => KindWeights.GetValueOrDefault(k.Code, 0.5)).ToArray());

        public ProgrammeKind Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return kinds[Math.Min(i < 0 ? ~i : i, kinds.Count - 1)];
        }

        private static double[] Cumulate(double[] weights)
        {
            for (var i = 1; i < weights.Length; i++) weights[i] += weights[i - 1];
            return weights;
        }
    }
}
