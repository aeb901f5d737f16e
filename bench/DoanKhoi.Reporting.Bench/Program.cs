using System.Globalization;
using System.Text.Json;
using DoanKhoi;
using DoanKhoi.Membership.Bench;
using DoanKhoi.Reporting.Bench;

// bench/reporting.sh starts PostgreSQL and RabbitMQ and passes them in DOANKHOI_BENCH_POSTGRES and
// DOANKHOI_BENCH_RABBITMQ; this starts the system on them, fills the reporting database with the national
// scale, lets the service count the board, and times through the gateway with a real token the board and its
// drill-down, then how soon the board shows an event under a steady stream of them.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.From(args);
Console.WriteLine(Machine.Describe("DoanKhoi reporting benchmark"));
Console.WriteLine($"settings: {settings}");

await using var system = await BenchSystem.StartAsync(settings);
Console.WriteLine($"==> system up in {system.StartedIn.TotalSeconds:0} s (gateway {system.Gateway.BaseAddress}); reporting has membership's units and members " +
                  $"and the demo data set's {system.DemoActivities:N0} activities with {system.DemoParticipations:N0} participations, its 2023 board counted");

Console.WriteLine($"==> generating the national scale into {ResourceNames.ReportingDb}");
var kinds = await ProgrammeKindsAsync(system.Gateway);
var data = await NationalData.FillAsync(system.ReportingDatabase, settings, kinds);
var layout = data.Layout;
Console.WriteLine($"==> {layout.Units:N0} units in {layout.Clusters:N0} clusters, {layout.Members:N0} members, {data.Activities.ActivityIds.Length:N0} activities and " +
                  $"{data.Participations:N0} participations generated in {data.Elapsed.TotalMinutes:0.0} min (copy {data.CopyTime.TotalMinutes:0.0} min, " +
                  $"indexes {data.IndexTime.TotalMinutes:0.0} min, vacuum analyze {data.AnalyzeTime.TotalMinutes:0.0} min)");
Console.WriteLine($"    {data.Activities.ByLevel}");

Console.WriteLine("==> the service counts the 2023 board again (programmes.counted_version = 0), every unit, cluster and the bloc");
var recount = await BoardRecount.RunAsync(system.ReportingDatabase, layout, new Random(settings.Seed + 3));
Console.WriteLine($"==> counted in {recount.Elapsed.TotalMinutes:0.0} min: {recount.Tallies:N0} tallies ({recount.ByScope}), board_tallies {recount.Size}; " +
                  $"vacuum analyze {recount.AnalyzeTime.TotalSeconds:0} s");

await SettleAsync(settings.Settle);
var requests = await Queries.MeasureAsync(system, data, settings);
await SettleAsync(settings.Settle);
var latency = await LatencyScenario.MeasureAsync(system, data, settings, run: 0);

var after = new List<(string File, List<Figures> Requests, LatencyScenario.Result Latency)>();
foreach (var compare in settings.CompareSql)
{
    // The same data, the same system, one change more: what it is worth.
    Console.WriteLine($"==> applying {compare} to the reporting database, then VACUUM ANALYZE");
    await BulkLoad.ExecuteFileAsync(system.ReportingDatabase, compare, [.. NationalData.Tables, "board_tallies"]);
    await SettleAsync(settings.Settle);
    var requestsAfter = await Queries.MeasureAsync(system, data, settings);
    await SettleAsync(settings.Settle);
    after.Add((compare, requestsAfter, await LatencyScenario.MeasureAsync(system, data, settings, run: after.Count + 1)));
}

var postgres = await system.PostgresVersionAsync();
void PrintFigures(string when, List<Figures> board, LatencyScenario.Result events)
{
    Console.WriteLine();
    Console.WriteLine(Machine.Describe($"DoanKhoi reporting benchmark{when}"));
    Console.WriteLine($"data: scale {settings.Scale}: {layout.Units:N0} units in {layout.Clusters:N0} clusters, {layout.Members:N0} members, " +
                      $"{data.Activities.ActivityIds.Length:N0} activities, {data.Participations:N0} participations in 2023, plus the demo data set; PostgreSQL {postgres}");
    Console.WriteLine($"load: generated in {data.Elapsed.TotalMinutes:0.0} min (copy {data.CopyTime.TotalMinutes:0.0}, indexes {data.IndexTime.TotalMinutes:0.0}, " +
                      $"vacuum analyze {data.AnalyzeTime.TotalMinutes:0.0}); the service's full recount of the board {recount.Elapsed.TotalMinutes:0.0} min " +
                      $"({recount.Tallies:N0} tallies, {recount.Size})");
    Report.Print(board, Console.Out, "ms through the gateway: from sending the request to the last byte of the answer; goal p99 ≤ 100 ms for a board, ≤ 200 ms for a drill-down page");
    Report.Print([events.Latency], Console.Out, $"ms from publishing the event to the first board through the gateway that shows it; goal p99 ≤ 1 s. {events.Summary}");
}
PrintFigures("", requests, latency);
foreach (var (file, requestsAfter, latencyAfter) in after) PrintFigures($", after {file}", requestsAfter, latencyAfter);

Console.WriteLine();
Console.WriteLine("goals:");
Report.Goals([.. requests, latency.Latency], Console.Out);
foreach (var (file, requestsAfter, latencyAfter) in after) Report.Goals([.. requestsAfter, latencyAfter.Latency], Console.Out, $", after {file}");

if (settings.Keep)
{
    Console.WriteLine($"--keep: the system stays up (database {ResourceNames.ReportingDb} on DOANKHOI_BENCH_POSTGRES, for EXPLAIN ANALYZE); press Enter to stop it.");
    Console.ReadLine();
}
var all = requests.Append(latency.Latency).Concat(after.SelectMany(a => a.Requests.Append(a.Latency.Latency)));
return all.Any(f => f.Failures > 0) ? 1 : 0;

// Waits (at most that long) for the 1-minute load average to come down to the number of cores.
static async Task SettleAsync(int seconds)
{
    static double OneMinute() => double.TryParse(Machine.LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
    var waited = System.Diagnostics.Stopwatch.StartNew();
    while (OneMinute() > Environment.ProcessorCount && waited.Elapsed.TotalSeconds < seconds) await Task.Delay(5000);
    if (waited.Elapsed.TotalSeconds >= 5)
        Console.WriteLine($"==> waited {waited.Elapsed.TotalSeconds:0} s for the machine to settle: load average {Machine.LoadAverage()}");
}

// The kinds of the 2023 programme, as the activities API gives them (GET /programme).
static async Task<List<ProgrammeKind>> ProgrammeKindsAsync(HttpClient gateway)
{
    using var json = JsonDocument.Parse(await gateway.GetStringAsync("/api/activities/programme?year=2023"));
    string[] Codes(JsonElement kind, string property) => kind.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
        ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetProperty("code").GetString()!).ToArray()
        : [];
    var kinds = json.RootElement.GetProperty("kinds").EnumerateArray()
        .Select(k => new ProgrammeKind(k.GetProperty("code").GetString()!, k.GetProperty("name").GetString()!, k.GetProperty("movement").GetString()!,
            Codes(k, "quantities"), Codes(k, "subtypes"), Codes(k, "flags")))
        .ToList();
    return kinds.Count > 0 ? kinds : throw new InvalidOperationException("GET /api/activities/programme has no kinds.");
}
