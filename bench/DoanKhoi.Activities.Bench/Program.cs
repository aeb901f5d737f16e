using System.Text.Json;
using DoanKhoi;
using DoanKhoi.Activities.Bench;
using DoanKhoi.Membership.Bench;
using DoanKhoi.Text;

// bench/activities.sh starts PostgreSQL and RabbitMQ and passes them in DOANKHOI_BENCH_POSTGRES and
// DOANKHOI_BENCH_RABBITMQ; this starts the system on them, fills the activities database with members,
// activities and participations, and times through the gateway with a real token the participation
// lists, then the attendance sheet of 500 members.
var settings = BenchSettings.From(args);
Console.WriteLine(Machine.Describe("DoanKhoi activities benchmark"));
Console.WriteLine($"settings: {settings}");

await using var system = await BenchSystem.StartAsync(settings);
Console.WriteLine($"==> system up in {system.StartedIn.TotalSeconds:0} s (gateway {system.Gateway.BaseAddress}); activities' copy has membership's units and members; " +
                  $"the demo data set's {system.DemoActivities:N0} activities with {system.DemoParticipations:N0} participations are in");

var today = VietnamTime.Today(TimeProvider.System);
var kinds = await ProgrammeKindsAsync(system.Gateway, today.Year);
var data = await ActivityData.FillAsync(system.ActivitiesDatabase, settings, kinds, today);
Console.WriteLine($"==> {data.Participations:N0} participations in {data.Activities:N0} activities ({data.FirstDay:yyyy-MM-dd} to {data.LastDay:yyyy-MM-dd}) of {data.Members:N0} members " +
                  $"({data.ActiveMemberIds.Length:N0} active) in {data.Units} units, {data.Clusters} clusters, generated in {data.Elapsed.TotalSeconds:0} s " +
                  $"(copy {data.CopyTime.TotalSeconds:0} s, indexes {data.IndexTime.TotalSeconds:0} s, vacuum analyze {data.AnalyzeTime.TotalSeconds:0} s)");
Console.WriteLine($"    {data.ByLevel}");
Console.WriteLine($"    the busiest member has {data.BusiestMemberParticipations:N0} participations, the largest activity {data.LargestActivityParticipants:N0} participants");

await SettleAsync(settings.Settle);
var lists = await Queries.MeasureAsync(system, data, settings);
const string listTarget = "target p99 ≤ 100 ms for (2a) and (2b)";
Console.WriteLine();
Console.WriteLine(Machine.Describe("DoanKhoi activities benchmark: participation lists"));
Console.WriteLine($"data: {data.Participations:N0} participations, {data.Activities:N0} activities, {data.Members:N0} members generated, plus the demo data set's ({system.DemoActivities:N0} activities, {system.DemoParticipations:N0} participations); PostgreSQL {await system.PostgresVersionAsync()}");
Report.Print(lists, Console.Out, listTarget);
var failed = lists.Any(f => f.Failures > 0);
List<Figures>? after = null;
if (settings.CompareSql is { } compare)
{
    // The same data, the same system, one change: what it is worth.
    Console.WriteLine($"==> applying {compare} to the activities database, then VACUUM ANALYZE");
    await ActivityData.ExecuteFileAsync(system.ActivitiesDatabase, compare);
    await SettleAsync(settings.Settle);
    after = await Queries.MeasureAsync(system, data, settings);
    Console.WriteLine();
    Console.WriteLine($"after {compare}: {Machine.LoadAverage()} load average");
    Report.Print(after, Console.Out, listTarget);
    failed |= after.Any(f => f.Failures > 0);
}

Console.WriteLine();
Console.WriteLine($"==> the attendance sheet: {settings.Runs} runs per case after {settings.SheetWarmup} to warm up, each on a fresh activity of the bloc planned for {today:yyyy-MM-dd}");
await SettleAsync(settings.Settle);
var kind = (kinds.FirstOrDefault(k => k.Code == "volunteer-saturday") ?? kinds.FirstOrDefault(k => k.Code == "volunteer-activity") ?? kinds[0]).Code;
var sheets = await AttendanceScenario.MeasureAsync(system, data, settings, kind, today);
Console.WriteLine();
Console.WriteLine(Machine.Describe("DoanKhoi activities benchmark: the attendance sheet"));
Console.WriteLine($"data: as above, {data.Participations:N0} participations");
Report.Print(sheets, Console.Out, $"target ≤ 1 s per sheet of {settings.Sheet} for (1a) and (1b)");
failed |= sheets.Any(f => f.Failures > 0);

Console.WriteLine();
Console.WriteLine("goals:");
foreach (var (f, when) in lists.Select(f => (f, "")).Concat((after ?? []).Select(f => (f, $", after {settings.CompareSql}")))
             .Where(x => x.f.Name.StartsWith("(2a)", StringComparison.Ordinal) || x.f.Name.StartsWith("(2b)", StringComparison.Ordinal)))
    Console.WriteLine($"  {f.Name}{when}: p99 {f.P99:0.0} ms {(f.Failures == 0 && f.P99 <= 100 ? "≤" : ">")} 100 ms: {(f.Failures == 0 && f.P99 <= 100 ? "met" : "NOT met")}");
foreach (var f in sheets.Where(f => f.Name.StartsWith("(1a)", StringComparison.Ordinal) || f.Name.StartsWith("(1b)", StringComparison.Ordinal)))
    Console.WriteLine($"  {f.Name}: max {f.Max:0} ms {(f.Failures == 0 && f.Max <= 1000 ? "≤" : ">")} 1,000 ms: {(f.Failures == 0 && f.Max <= 1000 ? "met" : "NOT met")}");

if (settings.Keep)
{
    Console.WriteLine($"--keep: the system stays up (database {ResourceNames.ActivitiesDb} on DOANKHOI_BENCH_POSTGRES, for EXPLAIN ANALYZE); press Enter to stop it.");
    Console.ReadLine();
}
return failed ? 1 : 0;

// Waits (at most that long) for the 1-minute load average to come down to the number of cores.
static async Task SettleAsync(int seconds)
{
    static double OneMinute() => double.TryParse(Machine.LoadAverage().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : 0;
    var waited = System.Diagnostics.Stopwatch.StartNew();
    while (OneMinute() > Environment.ProcessorCount && waited.Elapsed.TotalSeconds < seconds) await Task.Delay(5000);
    if (waited.Elapsed.TotalSeconds >= 5)
        Console.WriteLine($"==> waited {waited.Elapsed.TotalSeconds:0} s for the machine to settle: load average {Machine.LoadAverage()}");
}

// The kinds of the year's programme, as the API gives them (GET /programme).
static async Task<List<ProgrammeKind>> ProgrammeKindsAsync(HttpClient gateway, int year)
{
    using var json = JsonDocument.Parse(await gateway.GetStringAsync($"/api/activities/programme?year={year}"));
    string[] Codes(JsonElement kind, string property) => kind.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
        ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("code").GetString()!).ToArray()
        : [];
    var kinds = json.RootElement.GetProperty("kinds").EnumerateArray()
        .Select(k => new ProgrammeKind(k.GetProperty("code").GetString()!, k.GetProperty("name").GetString()!, k.GetProperty("movement").GetString()!,
            Codes(k, "quantities"), Codes(k, "subtypes")))
        .ToList();
    return kinds.Count > 0 ? kinds : throw new InvalidOperationException("GET /api/activities/programme has no kinds.");
}
