using DoanKhoi.Messaging.Tests;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RabbitMQ.Client;

namespace DoanKhoi.Messaging.Bench;

/// <summary>The notes service on a database and queues of its own, as the messaging tests run it,
/// with <see cref="TimedNoteConsumer"/> (or, without a consumer, a queue that only fills) and the
/// broker's confirmations noted on a <see cref="Timeline"/>. Disposing it stops the service, drops its
/// database and deletes its queue.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Servers _servers;
    private readonly string _database;
    private readonly string _queue;
    private readonly bool _consume;

    private BenchHost(IHost host, Servers servers, string database, string queue, bool consume)
    {
        (_host, _servers, _database, _queue, _consume) = (host, servers, database, queue, consume);
    }

    public Timeline Timeline => _host.Services.GetRequiredService<Timeline>();

    /// <param name="consume">Whether the consumer handles the events; without it they only fill a queue,
    /// and the broker and the dispatcher have the machine to themselves.</param>
    public static async Task<BenchHost> StartAsync(Servers servers, Dispatcher dispatcher, bool consume = true)
    {
        var database = $"bench_{Guid.NewGuid():N}"[..20];
        await using (var postgres = new NpgsqlConnection(servers.Postgres))
        {
            await postgres.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", postgres);
            await create.ExecuteNonQueryAsync();
        }
        var service = $"bench-{Guid.NewGuid():N}"[..14];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notesdb"] = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = database }.ConnectionString,
            ["ConnectionStrings:messaging"] = servers.RabbitMq,
            // Only commits wake the dispatcher, as in a service whose outbox has one writer.
            ["Messaging:OutboxPollInterval"] = "00:01:00",
            ["Messaging:OutboxBatchSize"] = dispatcher.BatchSize.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            // EF Core logs as an error that a new database has no migrations history yet.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        });
        builder.Services.AddSingleton<Timeline>();
        builder.AddServiceDatabase<NotesDbContext>("notesdb");
        builder.AddMessaging<NotesDbContext>(service, bus =>
        {
            if (consume) bus.AddConsumer<TimedNoteConsumer>();
        });
        dispatcher.Replace?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.GetRequiredService<IBus>().ConnectPublishObserver(host.Services.GetRequiredService<Timeline>());
        await host.StartAsync();

        var queue = consume ? new KebabCaseEndpointNameFormatter(service, false).Consumer<TimedNoteConsumer>() : $"{service}-sink";
        var bench = new BenchHost(host, servers, database, queue, consume);
        // The consumer's queue is bound once the bus is ready; one event round the loop warms everything up.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Until(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), TimeSpan.FromSeconds(60), "the bus ready");
        var warmUp = Guid.NewGuid();
        await bench.WriteAsync([warmUp]);
        await Until(() => Task.FromResult(bench.DoneCount([warmUp]) == 1), TimeSpan.FromSeconds(30), "the first event round");
        if (!consume)
        {
            // A durable queue, so that the broker stores each event as it does for a consumer's.
            await using var connection = await new ConnectionFactory { Uri = new Uri(servers.RabbitMq) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync(queue, bus.Topology.Message<NoteWritten>().EntityName, "");
        }
        return bench;
    }

    /// <summary>Writes one event per note id, all in one transaction, and notes the commit.</summary>
    public async Task WriteAsync(IReadOnlyCollection<Guid> noteIds)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var id in noteIds) db.AddEvent(new NoteWritten { NoteId = id });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        Timeline.Committed(noteIds);
    }

    /// <summary>Waits until every event is handled (or, without a consumer, confirmed), or gives up after
    /// <paramref name="within"/>; says how many were.</summary>
    public async Task<int> WaitUntilDoneAsync(IReadOnlyCollection<Guid> noteIds, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var nextReport = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        int done;
        while ((done = DoneCount(noteIds)) < noteIds.Count && DateTime.UtcNow < deadline)
        {
            if (DateTime.UtcNow >= nextReport)
            {
                Console.WriteLine($"    … {done:N0} of {noteIds.Count:N0} {(_consume ? "handled" : "confirmed")}");
                nextReport += TimeSpan.FromSeconds(15);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        return done;
    }

    private int DoneCount(IReadOnlyCollection<Guid> noteIds) => _consume ? Timeline.HandledCount(noteIds) : Timeline.ConfirmedCount(noteIds);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();

        var factory = new ConnectionFactory { Uri = new Uri(_servers.RabbitMq) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeleteAsync(_queue);
        }

        NpgsqlConnection.ClearAllPools();
        await using var postgres = new NpgsqlConnection(_servers.Postgres);
        await postgres.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", postgres);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task Until(Func<Task<bool>> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not so within {within.TotalSeconds:0} s: {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
