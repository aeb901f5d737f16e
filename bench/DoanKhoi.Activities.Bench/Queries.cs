using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Membership.Bench;

namespace DoanKhoi.Activities.Bench;

/// <summary>One measurement's timings through the gateway, in milliseconds, and what it answered.</summary>
public sealed record Figures(string Name, string Path, int Count, int Failures, double Median, double P95, double P99, double Max, string Answer, string Load)
{
    public static Figures Of(string name, string path, List<double> ms, int failures, string answer, string load)
    {
        ms.Sort();
        double Rank(double p) => ms.Count == 0 ? double.NaN : ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)];
        return new Figures(name, path, ms.Count, failures, Rank(0.5), Rank(0.95), Rank(0.99), ms.Count == 0 ? double.NaN : ms[^1], answer, load);
    }
}

/// <summary>The two participation lists the issue names, over the generated participations, each timed one
/// request after another (a page a person opens, not a load test) with the bloc office's token, after a
/// warm-up; each request for another member or activity, drawn at random; then, for what the worst case
/// costs, the member with the most participations and the activity with the most participants.</summary>
public static class Queries
{
    public static async Task<List<Figures>> MeasureAsync(BenchSystem system, GeneratedData data, BenchSettings settings)
    {
        var random = new Random(settings.Seed + 1);
        var measurements = new (string Name, string Path, Func<string> Next, int Requests)[]
        {
            ("(2a) a member's activities, first page (random member)", "/api/activities/members/{random}/participations",
                () => $"/api/activities/members/{data.MemberIds[random.Next(data.MemberIds.Length)]}/participations", settings.Requests),
            ("(2b) an activity's participants, first page of 50 (random activity)", "/api/activities/activities/{random}/participants?pageSize=50",
                () => $"/api/activities/activities/{data.ActivityIds[random.Next(data.ActivityIds.Length)]}/participants?pageSize=50", settings.Requests),
            ($"(2c) the busiest member's activities ({data.BusiestMemberParticipations:N0})", $"/api/activities/members/{data.BusiestMemberId}/participations",
                () => $"/api/activities/members/{data.BusiestMemberId}/participations", Math.Min(100, settings.Requests)),
            ($"(2d) the largest activity's participants ({data.LargestActivityParticipants:N0}), first 50", $"/api/activities/activities/{data.LargestActivityId}/participants?pageSize=50",
                () => $"/api/activities/activities/{data.LargestActivityId}/participants?pageSize=50", Math.Min(100, settings.Requests)),
        };
        var figures = new List<Figures>();
        foreach (var (name, pattern, next, requests) in measurements)
        {
            // A fresh token for each list: on a slow machine a run outlasts an access token.
            using var client = await system.SignedInAsync("vanphong");
            for (var i = 0; i < settings.Warmup; i++) (await client.GetAsync(next())).Dispose();
            var load = Machine.LoadAverage();
            var ms = new List<double>(requests);
            var totals = new List<long>(requests);
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
                    totals.Add(TotalOf(body));
                }
                else
                {
                    failures++;
                    firstFailure ??= $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
                }
            }
            var answer = totals.Count == 0 ? "no answer" : totals.Min() == totals.Max()
                ? $"total {totals[0]:N0}, {Math.Min(totals[0], 50)} on the page"
                : $"totals {totals.Min():N0} to {totals.Max():N0} (mean {totals.Average():N0})";
            if (firstFailure is not null) answer += $"; first failure: {firstFailure}";
            var f = Figures.Of(name, pattern, ms, failures, answer, load);
            Console.WriteLine($"==> {name}: GET {pattern} → {answer}");
            Console.WriteLine($"    {f.Count} requests: median {f.Median:0.0} ms, p95 {f.P95:0.0} ms, p99 {f.P99:0.0} ms, max {f.Max:0.0} ms; {failures} failed");
            figures.Add(f);
        }
        return figures;
    }

    /// <summary>A page's total.</summary>
    private static long TotalOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("total", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetInt64() : -1;
    }
}

public static class Report
{
    public static void Print(IEnumerable<Figures> figures, TextWriter output, string target)
    {
        output.WriteLine($"  {"measurement",-72} {"count",5} {"median",9} {"p95",9} {"p99",9} {"max",9}  {"failed",6}  load at start");
        foreach (var f in figures)
            output.WriteLine($"  {f.Name,-72} {f.Count,5} {f.Median,6:0.0} ms {f.P95,6:0.0} ms {f.P99,6:0.0} ms {f.Max,6:0.0} ms  {f.Failures,6}  {f.Load}");
        output.WriteLine($"  (ms through the gateway: from sending the request to the last byte of the answer; {target})");
    }
}
