using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The notes service running on real PostgreSQL and RabbitMQ, with queues of its own. The
/// outbox is polled only once a minute: events must leave because the commit woke the dispatcher.</summary>
public sealed class NotesHost : IAsyncDisposable
{
    public static readonly ActivitySource TestSource = new("DoanKhoi.Messaging.Tests");

    private static readonly ActivityListener Listener = new()
    {
        ShouldListenTo = _ => true,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    static NotesHost() => ActivitySource.AddActivityListener(Listener);

    private readonly IHost _host;

    private NotesHost(IHost host, string service)
    {
        _host = host;
        Service = service;
    }

    public string Service { get; }
    public Probe Probe => _host.Services.GetRequiredService<Probe>();
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>The consumer's queue; MassTransit moves what it cannot handle to "&lt;queue&gt;_error".</summary>
    public string Queue => new KebabCaseEndpointNameFormatter(Service, false).Consumer<NoteWrittenConsumer>();

    /// <param name="service">The queue prefix; the same one again is the same service restarted.</param>
    /// <param name="settings">Settings on top of the test ones.</param>
    public static async Task<NotesHost> StartAsync(string database, string broker, string? service = null, IDictionary<string, string?>? settings = null)
    {
        service ??= $"test-{Guid.NewGuid():N}"[..13];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notesdb"] = database,
            ["ConnectionStrings:messaging"] = broker,
            ["Messaging:OutboxPollInterval"] = "00:01:00",
            ["Messaging:OutboxMaxBackoff"] = "00:00:01",
            ["Messaging:PublishTimeout"] = "00:00:03",
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:RetryDelta"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<Probe>();
        builder.AddServiceDatabase<NotesDbContext>("notesdb");
        builder.AddMessaging<NotesDbContext>(service, bus => bus.AddConsumer<NoteWrittenConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        // Until the consumer's queue is bound, the broker drops what is published.
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Eventually.Until(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), TimeSpan.FromSeconds(60), "the bus ready");
        return new NotesHost(host, service);
    }

    /// <summary>Writes a note and its event in one transaction, committed or rolled back.</summary>
    public async Task<Guid> WriteNoteAsync(bool commit = true, bool poison = false)
    {
        var id = Guid.NewGuid();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Id = id, Text = "Sinh hoạt chuyên đề" });
            db.AddEvent(new NoteWritten { NoteId = id, Poison = poison });
            await db.SaveChangesAsync();
            if (commit) await transaction.CommitAsync();
            else await transaction.RollbackAsync();
        });
        return id;
    }

    /// <summary>Writes <paramref name="count"/> notes and their events in one transaction, as an import does.</summary>
    public async Task<IReadOnlyList<Guid>> WriteNotesAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotesDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var id in ids)
            {
                db.Notes.Add(new Note { Id = id, Text = "Đoàn viên mới" });
                db.AddEvent(new NoteWritten { NoteId = id });
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        return ids;
    }

    /// <summary>The outbox, in sequence order, with the note each event is about.</summary>
    public async Task<IReadOnlyList<(Guid NoteId, Outbox.OutboxMessage Row)>> OutboxAsync()
    {
        var rows = await QueryAsync(db => db.Set<Outbox.OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());
        return rows.Select(m => (JsonSerializer.Deserialize<NoteWritten>(m.Body, Json)!.NoteId, m)).ToList();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outbox row of a note's event.</summary>
    public async Task<Outbox.OutboxMessage?> OutboxRowAsync(Guid noteId)
    {
        var rows = await QueryAsync(db => db.Set<Outbox.OutboxMessage>().AsNoTracking().ToListAsync());
        return rows.SingleOrDefault(m => m.Body.Contains(noteId.ToString()));
    }

    public async Task<T> QueryAsync<T>(Func<NotesDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotesDbContext>());
    }

    public Task WaitForDeliveryAsync(Guid noteId, int deliveries = 1, TimeSpan? within = null) =>
        Eventually.Until(() => Task.FromResult(Probe.Deliveries(noteId) >= deliveries), within, $"note {noteId} delivered {deliveries} time(s)");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
