using System.Text.Json;
using DoanKhoi.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The outbox publishes in batches and awaits their confirmations together: an import's
/// thousands of events leave at once, in the order written, and each is handled once. An event is
/// marked dispatched only once the broker has confirmed it; what the broker refuses or loses follows
/// later, in order. A queue of the test's own on the event's exchange witnesses the order in which the
/// broker took the events (the consumer handles several at once, in no particular order).</summary>
[Collection(RabbitNode.Collection)]
public class OutboxBatchTests(RabbitNodeFixture broker) : IClassFixture<RabbitNodeFixture>, IAsyncLifetime
{
    /// <summary>Generous: on a machine busy with other builds the consumer handles a few events a second.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(300);

    private readonly PostgresDatabase _database = new();
    private readonly string _witness = $"witness-{Guid.NewGuid():N}";
    private NotesHost _host = null!;

    private string Exchange => _host.Bus.Topology.Message<NoteWritten>().EntityName;

    public async Task InitializeAsync()
    {
        await broker.Node.StartAsync(); // a test that failed may have left it stopped
        // Batches of 500: the imports below go out in several.
        _host = await NotesHost.StartAsync(_database.ConnectionString, broker.Node.ConnectionString,
            settings: new Dictionary<string, string?> { ["Messaging:OutboxBatchSize"] = "500" });
        await _host.WaitForDeliveryAsync(await _host.WriteNoteAsync(), within: TimeSpan.FromSeconds(30));

        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(_witness, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(_witness, Exchange, "");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        // They would keep receiving the next test's events.
        await using (var connection = await ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(_host.Queue);
            await channel.QueueDeleteAsync(_witness);
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Eleven_hundred_events_committed_at_once_are_published_in_three_batches_in_the_order_written_and_each_handled_once()
    {
        var ids = await _host.WriteNotesAsync(1100);

        await AllHandledOnceAsync(ids);
        await AssertPublishedInOrderAsync();
        await Eventually.Until(_host.OutboxAsync, rows => rows.All(r => r.Row.DispatchedAt is not null), Deadline, "every event marked dispatched");
    }

    [Fact]
    public async Task The_publishes_of_a_batch_await_their_confirmations_together()
    {
        var inFlight = new InFlight();
        using var observer = _host.Bus.ConnectPublishObserver(inFlight);

        await AllHandledOnceAsync(await _host.WriteNotesAsync(200));

        Assert.True(inFlight.Most > 1, $"At most {inFlight.Most} publish at a time awaited the broker's confirmation.");
    }

    [Fact]
    public async Task Events_the_broker_refuses_midway_stay_pending_and_follow_in_order_once_it_takes_them()
    {
        // A second queue on the event's exchange takes 700 messages and refuses the rest (basic.nack):
        // the second batch of 500 fails midway. It lives as long as this connection.
        await using var refusing = await ConnectAsync();
        await using var channel = await refusing.CreateChannelAsync();
        var capped = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true,
            arguments: new Dictionary<string, object?> { ["x-max-length"] = 700, ["x-overflow"] = "reject-publish" });
        await channel.QueueBindAsync(capped.QueueName, Exchange, "");

        var ids = await _host.WriteNotesAsync(1000);

        var outbox = await Eventually.Until(_host.OutboxAsync, rows => rows.Any(r => r.Row.Attempts > 0 && r.Row.DispatchedAt is null),
            Deadline, "a refused publish recorded");
        var dispatched = outbox.Where(r => r.Row.DispatchedAt is not null).Select(r => r.NoteId).ToList();
        // Only what was confirmed, and nothing after the first event that was not: the warm-up note and at
        // most the 700 the full queue took, the oldest first.
        Assert.InRange(dispatched.Count, 1, 701);
        Assert.Equal(outbox.Take(dispatched.Count).Select(r => r.NoteId), dispatched);
        Assert.NotNull(outbox[dispatched.Count].Row.LastError);

        await refusing.CloseAsync();

        await AllHandledOnceAsync(ids);
        await AssertPublishedInOrderAsync();
        await Eventually.Until(_host.OutboxAsync, rows => rows.All(r => r.Row.DispatchedAt is not null), Deadline, "every event marked dispatched");
    }

    /// <summary>The broker stops while the batches of an import are going out (most runs catch one in
    /// flight): whatever it had not confirmed is published again once it is back.</summary>
    [Fact]
    public async Task Events_in_flight_when_the_broker_stops_are_published_again_in_order_once_it_is_back()
    {
        var ids = await _host.WriteNotesAsync(1100);
        await Eventually.Until(() => Task.FromResult(ids.Any(id => _host.Probe.Deliveries(id) > 0)), TimeSpan.FromSeconds(30), "the import's first event handled");

        await broker.Node.StopAsync();
        await broker.Node.StartAsync();

        await AllHandledOnceAsync(ids);
        await AssertPublishedInOrderAsync();
        await Eventually.Until(_host.OutboxAsync, rows => rows.All(r => r.Row.DispatchedAt is not null), Deadline, "every event marked dispatched");
    }

    /// <summary>Every note delivered, and applied exactly once whatever the duplicates.</summary>
    private async Task AllHandledOnceAsync(IReadOnlyList<Guid> ids)
    {
        try
        {
            await Eventually.Until(() => Task.FromResult(ids.Count(id => _host.Probe.Deliveries(id) > 0)), delivered => delivered == ids.Count,
                Deadline, $"all {ids.Count} notes delivered");
        }
        catch (TimeoutException e)
        {
            // Which side stalled: the dispatcher (rows not dispatched, their attempts and last error) or the consumer.
            var rows = await _host.OutboxAsync();
            var pending = rows.Where(r => r.Row.DispatchedAt is null).ToList();
            throw new TimeoutException($"{e.Message}; outbox: {rows.Count - pending.Count} of {rows.Count} dispatched, " +
                $"most attempts {pending.Select(r => r.Row.Attempts).DefaultIfEmpty().Max()}, last error: {pending.Select(r => r.Row.LastError).LastOrDefault(l => l is not null) ?? "none"}", e);
        }
        var applied = await _host.QueryAsync(db => db.Tallies.Select(t => t.Applied).ToListAsync());
        Assert.Equal(ids.Count + 1, applied.Count); // and the warm-up note
        Assert.All(applied, times => Assert.Equal(1, times));
    }

    /// <summary>The witness saw every event of the outbox (but the warm-up's, older than it), and the first
    /// time it saw each, in sequence order: no event was published before one written earlier.</summary>
    private async Task AssertPublishedInOrderAsync()
    {
        var sequence = (await _host.OutboxAsync()).ToDictionary(r => r.NoteId, r => r.Row.Sequence);
        var seen = new HashSet<Guid>();
        var order = new List<long>();
        await using (var connection = await ConnectAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            while (await channel.BasicGetAsync(_witness, autoAck: true) is { } message)
            {
                var noteId = JsonDocument.Parse(message.Body).RootElement.GetProperty("message").GetProperty("noteId").GetGuid();
                if (seen.Add(noteId)) order.Add(sequence[noteId]);
            }
        }

        Assert.Equal(sequence.Count - 1, order.Count);
        var overtaken = order.Zip(order.Skip(1)).FirstOrDefault(pair => pair.Second < pair.First);
        Assert.True(overtaken == default, $"Event {overtaken.Second} was published before event {overtaken.First}.");
    }

    private Task<IConnection> ConnectAsync() => new ConnectionFactory { Uri = new Uri(broker.Node.ConnectionString) }.CreateConnectionAsync();

    /// <summary>The most publishes awaiting the broker's confirmation at one time.</summary>
    private sealed class InFlight : IPublishObserver
    {
        private int _now;
        private int _most;

        public int Most => Volatile.Read(ref _most);

        public Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            var now = Interlocked.Increment(ref _now);
            for (var most = Most; now > most; most = Most) Interlocked.CompareExchange(ref _most, now, most);
            return Task.CompletedTask;
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class
        {
            Interlocked.Decrement(ref _now);
            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class
        {
            Interlocked.Decrement(ref _now);
            return Task.CompletedTask;
        }
    }
}
