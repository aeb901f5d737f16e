namespace DoanKhoi.Messaging.Bench;

/// <summary>Median, 95th percentile and maximum of a set of delays, in seconds.</summary>
public sealed record Spread(double Median, double P95, double Max)
{
    public static Spread Of(List<double> seconds)
    {
        if (seconds.Count == 0) return new Spread(double.NaN, double.NaN, double.NaN);
        seconds.Sort();
        double Rank(double p) => seconds[Math.Clamp((int)Math.Ceiling(p * seconds.Count) - 1, 0, seconds.Count - 1)];
        return new Spread(Rank(0.5), Rank(0.95), seconds[^1]);
    }

    public override string ToString() => $"{Time(Median)} / {Time(P95)} / {Time(Max)}";

    public static string Time(double seconds) => double.IsNaN(seconds) ? "—"
        : seconds < 1 ? $"{seconds * 1000:0} ms"
        : $"{seconds:0.0} s";
}

/// <summary>What one scenario measured with one dispatcher.</summary>
/// <param name="PublishedPerSecond">Events confirmed by the broker a second, from the first commit to the last confirmation.</param>
/// <param name="ToConfirm">From an event's commit to the broker's confirmation of its publish.</param>
/// <param name="ToHandle">From an event's commit to the consumer's commit of its handling; the maximum of an import is when its last event was handled.</param>
/// <param name="Note">What else the run says about itself (the write rate it reached).</param>
/// <param name="Handled">How many the consumer handled; null when none was running.</param>
public sealed record Figures(string Scenario, Dispatcher Dispatcher, int Events, int? Handled, double PublishedPerSecond,
    Spread ToConfirm, Spread ToHandle, string Load, string Note = "")
{
    public static Figures Of(string scenario, Dispatcher dispatcher, IReadOnlyCollection<Guid> ids, int? handled, Timeline timeline, string load)
    {
        var toConfirm = timeline.ConfirmDelays(ids);
        // Every event of a scenario is committed within its span: the rate over the whole of it.
        var span = timeline.Span(ids);
        return new Figures(scenario, dispatcher, ids.Count, handled, toConfirm.Count / span.TotalSeconds,
            Spread.Of(toConfirm), Spread.Of(timeline.HandleDelays(ids)), load);
    }
}

public static class Report
{
    public static void Print(IEnumerable<Figures> figures, TextWriter output)
    {
        foreach (var scenario in figures.GroupBy(f => f.Scenario))
        {
            output.WriteLine(scenario.Key);
            output.WriteLine($"  {"dispatcher",-22} {"batch",5} {"handled",15} {"published/s",11}  {"commit→confirmed median / p95 / max",-36}  {"commit→handled median / p95 / max",-36}  load at start");
            foreach (var f in scenario)
                output.WriteLine($"  {f.Dispatcher.Name,-22} {f.Dispatcher.BatchSize,5} {(f.Handled is { } handled ? $"{handled:N0}/{f.Events:N0}" : $"—/{f.Events:N0}"),15} {f.PublishedPerSecond,11:N0}  {f.ToConfirm,-36}  {f.ToHandle,-36}  {f.Load}{f.Note}");
            output.WriteLine();
        }
    }
}
