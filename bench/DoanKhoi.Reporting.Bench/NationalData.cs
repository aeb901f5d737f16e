using System.Diagnostics;

namespace DoanKhoi.Reporting.Bench;

/// <summary>What the generator put in the reporting database.</summary>
public sealed record GeneratedData(NationalLayout Layout, Guid[] MemberIds, ActivityIndex Activities, IReadOnlyList<ProgrammeKind> Kinds,
    TimeSpan Elapsed, TimeSpan CopyTime, TimeSpan IndexTime, TimeSpan AnalyzeTime)
{
    public long Participations => Activities.Participations;
}

/// <summary>Writes the national scale straight into the reporting database, after the service made its tables
/// and heard the demo data set: binary COPY of the organisation, the members and a year of activities and
/// participations, in the rows reporting's consumers keep (OrganisationRows, MemberRows, ActivityRows), the
/// tables' secondary indexes dropped for the copy and made again from their own definitions, then VACUUM
/// ANALYZE as autovacuum would leave a settled database. The board is not written: the service counts it
/// (BoardRecount).</summary>
public static class NationalData
{
    public static readonly string[] Tables =
    [
        "clusters", "units", "unit_cluster_records", "youth_count_records", "unit_grade_records", "idea_quota_records", "idea_records",
        "members", "member_state_records", "milestone_records", "member_grade_records", "activity_records", "participation_records",
    ];

    public static async Task<GeneratedData> FillAsync(string connectionString, BenchSettings settings, IReadOnlyList<ProgrammeKind> kinds)
    {
        var total = Stopwatch.StartNew();
        var random = new Random(settings.Seed);
        var ids = new IdSequence(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var layout = NationalLayout.Plan(settings, random, ids);

        var indexes = await BulkLoad.DropIndexesAsync(connectionString, Tables);
        var copy = Stopwatch.StartNew();
        await OrganisationRows.WriteAsync(connectionString, layout, random, ids);
        Console.WriteLine($"    {layout.Clusters:N0} clusters and {layout.Units:N0} units written, with their history, youth counts, grades, quotas and ideas ({copy.Elapsed.TotalSeconds:0} s)");
        var memberIds = await MemberRows.WriteAsync(connectionString, layout, random, ids);
        Console.WriteLine($"    {memberIds.Length:N0} members written, with their states, milestones and grades ({copy.Elapsed.TotalSeconds:0} s)");
        var activities = await ActivityRows.WriteAsync(connectionString, settings, layout, memberIds, kinds, random, ids);
        Console.WriteLine($"    {activities.ActivityIds.Length:N0} activities and {activities.Participations:N0} participations written ({copy.Elapsed.TotalSeconds:0} s)");
        copy.Stop();

        var indexTime = Stopwatch.StartNew();
        await BulkLoad.RebuildAsync(connectionString, indexes);
        indexTime.Stop();
        var analyze = Stopwatch.StartNew();
        await BulkLoad.ExecuteAsync(connectionString, $"VACUUM (ANALYZE) {string.Join(", ", Tables)}");
        analyze.Stop();
        return new GeneratedData(layout, memberIds, activities, kinds, total.Elapsed, copy.Elapsed, indexTime.Elapsed, analyze.Elapsed);
    }
}
