using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Membership.Bench;
using MassTransit;

namespace DoanKhoi.Reporting.Bench;

/// <summary>How soon the board shows an event while events arrive steadily: <c>--rate</c> events a second
/// published to the system's RabbitMQ for <c>--seconds</c> (with MassTransit, as the activities service's
/// outbox publishes them: the message type's exchange, a message id each), one in <c>--sample-every</c> a
/// tree planting in a unit kept for the timed ones; for each of those, the time from publishing it until
/// GET /api/reporting/board?unitId=… through the gateway shows the unit's K03.1 grown by its trees. The
/// gateway is asked once the consumer has committed the event (HandledWatcher, every 25 ms), then every 25 ms
/// until the board shows it: the figure includes one request's time and up to 25 ms of watching. Also what
/// the consumer kept up with: the events it had handled (its inbox) as they were published, and how long it
/// took to handle the rest after.</summary>
public static class LatencyScenario
{
    public const double Goal = 1000;
    // Waiting costs the system nothing (HandledWatcher): a backlog shows as the latency it is, not as a failure.
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(25);

    public sealed record Result(Figures Latency, string Summary);

    public static async Task<Result> MeasureAsync(BenchSystem system, GeneratedData data, BenchSettings settings, int run)
    {
        var random = new Random(settings.Seed + 10 + run);
        var layout = data.Layout;
        var total = settings.Rate * settings.Seconds;
        var samples = (total + settings.SampleEvery - 1) / settings.SampleEvery;
        var reserved = new List<int>();
        var reservedSet = new HashSet<int>();
        while (reserved.Count < Math.Min(samples, Math.Max(1, layout.Units / 4)))
        {
            var u = random.Next(layout.Units);
            if (reservedSet.Add(u)) reserved.Add(u);
        }
        var stream = new EventStream(data, reservedSet, random);

        using var client = await system.SignedInAsync("vanphong");
        var expected = new Dictionary<int, long>();
        foreach (var u in reserved) expected[u] = await TreesAsync(client, layout.UnitIds[u]) ?? 0;

        await using var watcher = new HandledWatcher(system.ReportingDatabase, "ActivityEventsConsumer");
        watcher.Start();
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(settings.RabbitMq), host => host.PublisherConfirmation = true));
        await bus.StartAsync();
        const string handledSql = "SELECT count(*) FROM inbox_messages WHERE consumer = 'ActivityEventsConsumer'";
        var handledBefore = await BenchSystem.ScalarAsync<long>(system.ReportingDatabase, handledSql);
        var load = Machine.LoadAverage();
        Console.WriteLine($"==> {total:N0} events at {settings.Rate}/s for {settings.Seconds} s, {samples} of them timed (units kept for them: {reserved.Count})");

        var inFlight = new SemaphoreSlim(256);
        var pending = new ConcurrentBag<Task>();
        var timed = new ConcurrentBag<Task<double?>>();
        var (publishFailures, firstFailure) = (0, (string?)null);
        async Task PublishAsync<T>(T message) where T : class
        {
            try { await bus.Publish(message); }
            catch (Exception e)
            {
                Interlocked.Increment(ref publishFailures);
                firstFailure ??= e.Message;
            }
            finally { inFlight.Release(); }
        }

        var clock = Stopwatch.StartNew();
        var (next, shown) = (0, TimeSpan.Zero);
        while (next < total)
        {
            // Every event due by now, then a short sleep: a steady rate whatever the timer's granularity.
            var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * settings.Rate) + 1);
            for (; next < due; next++)
            {
                await inFlight.WaitAsync();
                if (next % settings.SampleEvery == 0)
                {
                    var unit = reserved[next / settings.SampleEvery % reserved.Count];
                    var trees = random.Next(10, 300);
                    expected[unit] += trees;
                    timed.Add(TimeAsync(bus, watcher, client, layout.UnitIds[unit], stream.TreePlanting(unit, trees), expected[unit], inFlight));
                }
                else
                {
                    var message = stream.Background();
                    pending.Add(message is ActivityHeld held ? PublishAsync(held) : PublishAsync((ParticipationChanged)message));
                }
            }
            if (clock.Elapsed - shown >= TimeSpan.FromSeconds(15))
            {
                shown = clock.Elapsed;
                var handled = await BenchSystem.ScalarAsync<long>(system.ReportingDatabase, handledSql) - handledBefore;
                Console.WriteLine($"    {clock.Elapsed.TotalSeconds:0} s: {next:N0} published, {handled:N0} handled by reporting; load average {Machine.LoadAverage()}");
            }
            await Task.Delay(5);
        }
        var publishing = clock.Elapsed;
        await Task.WhenAll(pending);
        var handledAtEnd = await BenchSystem.ScalarAsync<long>(system.ReportingDatabase, handledSql) - handledBefore;
        var drain = Stopwatch.StartNew();
        var handledAll = await WaitHandledAsync(system, handledSql, handledBefore + total - publishFailures);
        drain.Stop();
        var drained = await BenchSystem.ScalarAsync<long>(system.ReportingDatabase, handledSql) - handledBefore - handledAtEnd;
        var latencies = await Task.WhenAll(timed);
        await bus.StopAsync();

        var ms = latencies.OfType<double>().ToList();
        var notShown = latencies.Count(l => l is null);
        var answer = $"{ms.Count} shown" + (notShown > 0 ? $", {notShown} not within {GiveUp.TotalMinutes:0} min" : "");
        var name = $"(3) a unit's board shows a new event, under {settings.Rate} events/s";
        var figures = Figures.Of(name, "publish → GET /api/reporting/board?unitId=…", ms, notShown + publishFailures, answer, load, Goal);
        var summary = $"{total:N0} events published in {publishing.TotalSeconds:0.0} s ({total / publishing.TotalSeconds:0} a second" +
                      (publishFailures > 0 ? $", {publishFailures} failed: {firstFailure}" : "") + $"); reporting had handled {handledAtEnd:N0} of them by then " +
                      $"({handledAtEnd / publishing.TotalSeconds:0} a second), " +
                      (handledAll ? $"the rest {drain.Elapsed.TotalSeconds:0.0} s after" : $"and not all of them {drain.Elapsed.TotalSeconds:0} s after") +
                      (drain.Elapsed.TotalSeconds >= 5 ? $" ({drained / drain.Elapsed.TotalSeconds:0} a second once nothing more came)" : "");
        Console.WriteLine($"==> {name}: {answer}");
        Console.WriteLine($"    median {figures.Median:0} ms, p95 {figures.P95:0} ms, p99 {figures.P99:0} ms, max {figures.Max:0} ms; {summary}");
        return new Result(figures, summary);
    }

    /// <summary>Publishes the tree planting, waits until the consumer has committed it, then asks for the unit's
    /// board until it shows the trees: the milliseconds from publishing, or null.</summary>
    private static async Task<double?> TimeAsync(IBus bus, HandledWatcher watcher, HttpClient client, Guid unit, ActivityHeld planting, long expected,
        SemaphoreSlim inFlight)
    {
        var messageId = NewId.NextGuid();
        var handled = watcher.HandledAsync(messageId);
        var watch = Stopwatch.StartNew();
        try { await bus.Publish(planting, context => context.MessageId = messageId); }
        finally { inFlight.Release(); }
        if (await Task.WhenAny(handled, Task.Delay(GiveUp)) != handled) return null;
        while (watch.Elapsed < GiveUp)
        {
            if (await TreesAsync(client, unit) >= expected) return watch.Elapsed.TotalMilliseconds;
            await Task.Delay(PollEvery);
        }
        return null;
    }

    /// <summary>The unit's K03.1 (trees planted) on its 2023 board, or null if the board did not answer.</summary>
    private static async Task<long?> TreesAsync(HttpClient client, Guid unit)
    {
        using var response = await client.GetAsync($"/api/reporting/board?year=2023&asOf=2023-12-31&unitId={unit}");
        if (!response.IsSuccessStatusCode) return null;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return Queries.BoardCount(json.RootElement, "K03.1");
    }

    /// <summary>Waits (up to 10 minutes) until reporting has handled that many events.</summary>
    private static async Task<bool> WaitHandledAsync(BenchSystem system, string sql, long count)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (await BenchSystem.ScalarAsync<long>(system.ReportingDatabase, sql) >= count) return true;
            await Task.Delay(200);
        }
        return false;
    }
}
