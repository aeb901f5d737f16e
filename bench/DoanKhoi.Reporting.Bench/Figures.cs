namespace DoanKhoi.Reporting.Bench;

/// <summary>One measurement's timings, in milliseconds, and what it answered; <see cref="Goal"/> is the p99 it
/// must stay under (none for a figure measured for information).</summary>
public sealed record Figures(string Name, string Path, int Count, int Failures, double Median, double P95, double P99, double Max, string Answer, string Load,
    double? Goal)
{
    public static Figures Of(string name, string path, List<double> ms, int failures, string answer, string load, double? goal)
    {
        ms.Sort();
        double Rank(double p) => ms.Count == 0 ? double.NaN : ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)];
        return new Figures(name, path, ms.Count, failures, Rank(0.5), Rank(0.95), Rank(0.99), ms.Count == 0 ? double.NaN : ms[^1], answer, load, goal);
    }

    public bool Met => Failures == 0 && Count > 0 && P99 <= Goal;
}

public static class Report
{
    public static void Print(IEnumerable<Figures> figures, TextWriter output, string note)
    {
        output.WriteLine($"  {"measurement",-66} {"count",5} {"median",9} {"p95",9} {"p99",9} {"max",9}  {"failed",6}  {"goal p99",8}  load at start");
        foreach (var f in figures)
            output.WriteLine($"  {f.Name,-66} {f.Count,5} {f.Median,6:0.0} ms {f.P95,6:0.0} ms {f.P99,6:0.0} ms {f.Max,6:0.0} ms  {f.Failures,6}  " +
                             $"{(f.Goal is { } g ? $"{g:0} ms" : "-"),8}  {f.Load}");
        output.WriteLine($"  ({note})");
    }

    /// <summary>One line per figure with a goal: met or not.</summary>
    public static void Goals(IEnumerable<Figures> figures, TextWriter output, string when = "")
    {
        foreach (var f in figures.Where(f => f.Goal is not null))
            output.WriteLine($"  {f.Name}{when}: p99 {f.P99:0.0} ms {(f.Met ? "≤" : ">")} {f.Goal:0} ms{(f.Failures > 0 ? $" ({f.Failures} failed)" : "")}: {(f.Met ? "met" : "NOT met")}");
    }
}
