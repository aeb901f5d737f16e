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
/// with <see cref="TimedNoteConsumer"/> and the broker's confirmations noted on a <see cref="Timeline"/>.
/// Disposing it stops the service, drops its database and deletes its queue.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Servers _servers;
    private readonly string _database;
    private readonly string _queue;

    private BenchHost(IHost host, Servers servers, string database, string queue)
    {
        (_host, _servers, _database, _queue) = (host, servers, database, queue);
    }

    public Timeline Timeline => _host.Services.GetRequiredService<Timeline>();

    public static async Task<BenchHost> StartAsync(Servers servers, Dispatcher dispatcher)
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
        builder.AddMessaging<NotesDbContext>(service, bus => bus.AddConsumer<TimedNoteConsumer>());
        dispatcher.Replace?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.GetRequiredService<IBus>().ConnectPublishObserver(host.Services.GetRequiredService<Timeline>());
        await host.StartAsync();

        var bench = new BenchHost(host, servers, database, new KebabCaseEndpointNameFormatter(service, false).Consumer<TimedNoteConsumer>());
        // The consumer's queue is bound once the bus is ready; one event round the loop warms everything up.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Until(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), TimeSpan.FromSeconds(60), "the bus ready");
        var warmUp = Guid.NewGuid();
        await bench.WriteAsync([warmUp]);
        await Until(() => Task.FromResult(bench.Timeline.HandledCount([warmUp]) == 1), TimeSpan.FromSeconds(30), "the first event handled");
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

    /// <summary>Waits until every event is handled, or gives up after <paramref name="within"/>; says how many were.</summary>
    public async Task<int> WaitUntilHandledAsync(IReadOnlyCollection<Guid> noteIds, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var nextReport = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        int handled;
        while ((handled = Timeline.HandledCount(noteIds)) < noteIds.Count && DateTime.UtcNow < deadline)
        {
            if (DateTime.UtcNow >= nextReport)
            {
                Console.WriteLine($"    … {handled:N0} of {noteIds.Count:N0} handled");
                nextReport += TimeSpan.FromSeconds(15);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        return handled;
    }

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
