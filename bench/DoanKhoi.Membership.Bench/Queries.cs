using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace DoanKhoi.Membership.Bench;

/// <summary>One query's timings through the gateway, in milliseconds, and what it answered.</summary>
public sealed record Figures(string Query, string Path, int Count, int Failures, double Median, double P95, double P99, double Max, string Answer, string Load)
{
    public static Figures Of(string query, string path, List<double> ms, int failures, string answer, string load)
    {
        ms.Sort();
        double Rank(double p) => ms.Count == 0 ? double.NaN : ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)];
        return new Figures(query, path, ms.Count, failures, Rank(0.5), Rank(0.95), Rank(0.99), ms.Count == 0 ? double.NaN : ms[^1], answer, load);
    }
}

/// <summary>The queries the issue names, each timed one request after another (a secretary's page
/// loads, not a load test) with the bloc office's token, after a warm-up.</summary>
public static class Queries
{
    public static async Task<List<Figures>> MeasureAsync(BenchSystem system, GeneratedData data, BenchSettings settings)
    {
        var queries = new (string Name, string Account, string Path)[]
        {
            ("(1) a unit's member list, first page (bloc office, the largest unit)", "vanphong", $"/api/membership/members?unitId={data.LargestUnitId}"),
            ("(1b) a secretary's own member list, first page (bithu)", "bithu", "/api/membership/members"),
            ("(2) a name search without diacritics", "vanphong", "/api/membership/members?q=hoang%20thi%20trang"),
            ("(3) the statistics by cluster", "vanphong", "/api/membership/members/statistics?groupBy=cluster"),
        };
        var figures = new List<Figures>();
        foreach (var (name, account, path) in queries)
        {
            // A fresh token for each query: on a slow machine a run outlasts an access token.
            using var client = await system.SignedInAsync(account);
            using var first = await client.GetAsync(path);
            if (first.StatusCode == HttpStatusCode.NotFound && path.Contains("/statistics", StringComparison.Ordinal))
            {
                Console.WriteLine($"==> {name}: GET {path} answers 404: this build has no statistics endpoint; not measured");
                continue;
            }
            var answer = Describe(first.StatusCode, await first.Content.ReadAsStringAsync());
            Console.WriteLine($"==> {name}: GET {path} → {answer}");
            for (var i = 0; i < settings.Warmup; i++) (await client.GetAsync(path)).Dispose();
            var load = Machine.LoadAverage();
            var ms = new List<double>(settings.Requests);
            var failures = 0;
            for (var i = 0; i < settings.Requests; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                watch.Stop();
                if (response.IsSuccessStatusCode) ms.Add(watch.Elapsed.TotalMilliseconds);
                else failures++;
            }
            var f = Figures.Of(name, path, ms, failures, answer, load);
            Console.WriteLine($"    {f.Count} requests: median {f.Median:0.0} ms, p95 {f.P95:0.0} ms, p99 {f.P99:0.0} ms, max {f.Max:0.0} ms; {failures} failed");
            figures.Add(f);
        }
        return figures;
    }

    /// <summary>The status and what the answer holds: a page's total, or the number of rows.</summary>
    private static string Describe(HttpStatusCode status, string body)
    {
        if ((int)status >= 400) return $"{(int)status} {body[..Math.Min(body.Length, 300)]}";
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var total = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("total", out var t) ? t : default;
            if (total.ValueKind == JsonValueKind.Number)
                return $"200, total {total.GetInt64():N0}, {(root.TryGetProperty("items", out var items) ? items.GetArrayLength() : 0)} on the page";
            // The statistics: a total row and a row per group.
            if (total.ValueKind == JsonValueKind.Object && root.TryGetProperty("rows", out var rows))
                return $"200, {total.GetProperty("members").GetInt64():N0} members in {rows.GetArrayLength()} rows";
            if (root.ValueKind == JsonValueKind.Array) return $"200, {root.GetArrayLength()} rows";
            return $"200, {body.Length:N0} bytes";
        }
        catch (JsonException)
        {
            return $"200, {body.Length:N0} bytes (not JSON)";
        }
    }
}

public static class Report
{
    public static void Print(IEnumerable<Figures> figures, TextWriter output)
    {
        output.WriteLine($"  {"query",-72} {"count",5} {"median",8} {"p95",8} {"p99",8} {"max",8}  {"failed",6}  load at start");
        foreach (var f in figures)
            output.WriteLine($"  {f.Query,-72} {f.Count,5} {f.Median,5:0.0} ms {f.P95,5:0.0} ms {f.P99,5:0.0} ms {f.Max,5:0.0} ms  {f.Failures,6}  {f.Load}");
        output.WriteLine("  (ms through the gateway: from sending the request to the last byte of the answer; p99 target ≤ 100 ms)");
    }
}
