using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Membership.Bench;

namespace DoanKhoi.Reporting.Bench;

/// <summary>The board and its drill-down through the gateway, with the bloc office's token, each kind of
/// request timed one after another (a page a person opens, not a load test) after a warm-up, each for another
/// cluster, unit or day drawn at random among the generated ones: the board of the country, a cluster and a
/// unit (goal p99 ≤ 100 ms), the country's as of a day in mid-year, a cluster's units with their figures,
/// every cluster with its figures, and the first page of the records behind K03.1 (trees planted) for a unit and
/// a cluster (goal p99 ≤ 200 ms).</summary>
public static class Queries
{
    public const double BoardGoal = 100;
    public const double DrillDownGoal = 200;

    public static async Task<List<Figures>> MeasureAsync(BenchSystem system, GeneratedData data, BenchSettings settings)
    {
        var random = new Random(settings.Seed + 1);
        var layout = data.Layout;
        string Cluster() => layout.ClusterIds[random.Next(layout.Clusters)].ToString();
        string Unit() => layout.UnitIds[random.Next(layout.Units)].ToString();
        string MidYear() => new DateOnly(2023, 3, 1).AddDays(random.Next(0, 245)).ToString("yyyy-MM-dd");
        const string board = "/api/reporting/board?year=2023&asOf=2023-12-31";
        const string records = "/api/reporting/board/measures/K03.1/records?year=2023&asOf=2023-12-31&page=1&pageSize=50";
        // Every cluster's figures at once is the bloc office's overview: fewer of them, each reads the whole tree.
        var overview = Math.Min(settings.Requests, 20);
        var measurements = new (string Name, string Path, Func<string> Next, double? Goal, int Requests)[]
        {
            ("(1a) the country's board", board, () => board, BoardGoal, settings.Requests),
            ("(1b) a cluster's board (random cluster)", board + "&clusterId={random}", () => $"{board}&clusterId={Cluster()}", BoardGoal, settings.Requests),
            ("(1c) a unit's board (random unit)", board + "&unitId={random}", () => $"{board}&unitId={Unit()}", BoardGoal, settings.Requests),
            ("(1d) the country's board as of a day in mid-year (random day)", "/api/reporting/board?year=2023&asOf={2023-03-01..10-31}",
                () => $"/api/reporting/board?year=2023&asOf={MidYear()}", BoardGoal, settings.Requests),
            ("(1e) a cluster's units with their figures (random cluster)", "/api/reporting/board/units?year=2023&asOf=2023-12-31&clusterId={random}",
                () => $"/api/reporting/board/units?year=2023&asOf=2023-12-31&clusterId={Cluster()}", null, settings.Requests),
            ("(1f) every cluster with its figures", "/api/reporting/board/clusters?year=2023&asOf=2023-12-31",
                () => "/api/reporting/board/clusters?year=2023&asOf=2023-12-31", null, overview),
            ("(2a) K03.1 records of a unit, first page of 50 (random unit)", records + "&unitId={random}", () => $"{records}&unitId={Unit()}", DrillDownGoal, settings.Requests),
            ("(2b) K03.1 records of a cluster, first page of 50 (random cluster)", records + "&clusterId={random}", () => $"{records}&clusterId={Cluster()}", DrillDownGoal,
                settings.Requests),
        };
        var figures = new List<Figures>();
        foreach (var (name, pattern, next, goal, requests) in measurements)
        {
            // A fresh token for each kind: on a slow machine a run outlasts an access token.
            using var client = await system.SignedInAsync("vanphong");
            for (var i = 0; i < Math.Min(settings.Warmup, requests / 5); i++) (await client.GetAsync(next())).Dispose();
            var load = Machine.LoadAverage();
            var ms = new List<double>(requests);
            var answers = new List<long>(requests);
            var failures = 0;
            string? firstFailure = null;
            for (var i = 0; i < requests; i++)
            {
                var path = next();
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                watch.Stop();
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    ms.Add(watch.Elapsed.TotalMilliseconds);
                    answers.Add(AnswerOf(body));
                }
                else
                {
                    failures++;
                    firstFailure ??= $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
                }
            }
            var what = pattern.Contains("/records", StringComparison.Ordinal) ? "records"
                : pattern.Contains("/units", StringComparison.Ordinal) ? "units" : pattern.Contains("/clusters", StringComparison.Ordinal) ? "clusters" : "K03.1 trees";
            var answer = answers.Count == 0 ? "no answer" : answers.Min() == answers.Max()
                ? $"{what} {answers[0]:N0}"
                : $"{what} {answers.Min():N0} to {answers.Max():N0} (mean {answers.Average():N0})";
            if (firstFailure is not null) answer += $"; first failure: {firstFailure}";
            var f = Figures.Of(name, pattern, ms, failures, answer, load, goal);
            Console.WriteLine($"==> {name}: GET {pattern} → {answer}");
            Console.WriteLine($"    {f.Count} requests: median {f.Median:0.0} ms, p95 {f.P95:0.0} ms, p99 {f.P99:0.0} ms, max {f.Max:0.0} ms; {failures} failed");
            figures.Add(f);
        }
        return figures;
    }

    /// <summary>What an answer holds: a page's total, a list's length, or a board's K03.1 count.</summary>
    private static long AnswerOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Array) return root.GetArrayLength();
        if (root.TryGetProperty("total", out var total)) return total.GetInt64();
        return BoardCount(root, "K03.1") ?? -1;
    }

    /// <summary>A measure's count on a board (GET /board).</summary>
    public static long? BoardCount(JsonElement board, string measure) =>
        board.GetProperty("targets").EnumerateArray().SelectMany(t => t.GetProperty("measures").EnumerateArray())
            .Where(m => m.GetProperty("code").GetString() == measure).Select(m => (long?)m.GetProperty("count").GetInt64()).FirstOrDefault();
}
