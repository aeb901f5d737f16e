using System.Diagnostics;

namespace DoanKhoi.Messaging.Bench;

/// <summary>The two loads the outbox must carry: an import's burst and the steady writes of a working day;
/// and the burst again with no consumer at work, to see what the dispatcher and the broker do alone.</summary>
public static class Scenarios
{
    /// <summary>Events written in one commit, as the member import writes them.</summary>
    public static async Task<Figures> ImportAsync(Servers servers, Dispatcher dispatcher, int events)
    {
        var scenario = $"import: {events:N0} events in one commit";
        Console.WriteLine($"{scenario}, {dispatcher.Name} dispatcher (batch {dispatcher.BatchSize})");
        var load = Machine.LoadAverage();
        await using var host = await BenchHost.StartAsync(servers, dispatcher);

        var ids = NewIds(events);
        await host.WriteAsync(ids);
        var handled = await host.WaitUntilDoneAsync(ids, Deadline(events));

        return Figures.Of(scenario, dispatcher, ids, handled, host.Timeline, load);
    }

    /// <summary>The import's events with no consumer at work: they only fill a durable queue.</summary>
    public static async Task<Figures> PublishOnlyAsync(Servers servers, Dispatcher dispatcher, int events)
    {
        var scenario = $"import: {events:N0} events in one commit, no consumer running";
        Console.WriteLine($"{scenario}, {dispatcher.Name} dispatcher (batch {dispatcher.BatchSize})");
        var load = Machine.LoadAverage();
        await using var host = await BenchHost.StartAsync(servers, dispatcher, consume: false);

        var ids = NewIds(events);
        await host.WriteAsync(ids);
        await host.WaitUntilDoneAsync(ids, Deadline(events));

        return Figures.Of(scenario, dispatcher, ids, handled: null, host.Timeline, load);
    }

    /// <summary>One event a write, <paramref name="rate"/> writes a second, each its own transaction.</summary>
    public static async Task<Figures> SteadyAsync(Servers servers, Dispatcher dispatcher, int rate, int seconds)
    {
        var scenario = $"steady: {rate} writes/s for {seconds} s";
        Console.WriteLine($"{scenario}, {dispatcher.Name} dispatcher (batch {dispatcher.BatchSize})");
        var load = Machine.LoadAverage();
        await using var host = await BenchHost.StartAsync(servers, dispatcher);

        // Writes start on time whether or not the ones before have committed, as requests do.
        var ids = NewIds(rate * seconds);
        var writes = new List<Task>(ids.Count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < ids.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            writes.Add(host.WriteAsync([ids[i]]));
        }
        await Task.WhenAll(writes);
        var writeRate = ids.Count / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var handled = await host.WaitUntilDoneAsync(ids, Deadline(ids.Count));

        return Figures.Of(scenario, dispatcher, ids, handled, host.Timeline, load) with { Note = $"; wrote {writeRate:0}/s" };
    }

    private static List<Guid> NewIds(int count) => Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

    /// <summary>Long enough for the slowest dispatcher measured (one confirm at a time, some 60 a second).</summary>
    private static TimeSpan Deadline(int events) => TimeSpan.FromSeconds(120 + events / 20.0);
}
