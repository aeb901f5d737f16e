using System.Diagnostics;
using System.Text;
using DoanKhoi.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace DoanKhoi.Messaging.Tests;

public sealed class NotesFixture : IAsyncLifetime
{
    public PostgresDatabase Database { get; } = new();
    public NotesHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await NotesHost.StartAsync(Database.ConnectionString, TestServers.RabbitMq);
        // The consumer's queue exists once a first event has gone round.
        await Host.WaitForDeliveryAsync(await Host.WriteNoteAsync(), within: TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>The outbox and the inbox against real PostgreSQL and RabbitMQ.</summary>
public class OutboxAndInboxTests(NotesFixture notes) : IClassFixture<NotesFixture>
{
    private NotesHost Host => notes.Host;

    [Fact]
    public async Task A_committed_change_is_delivered_at_once_without_waiting_for_the_poll()
    {
        var id = await Host.WriteNoteAsync();

        // The poll runs once a minute; the commit itself wakes the dispatcher.
        await Host.WaitForDeliveryAsync(id, within: TimeSpan.FromSeconds(10));
        Assert.Equal(1, await Host.QueryAsync(db => db.Tallies.Where(t => t.NoteId == id).Select(t => t.Applied).SingleAsync()));
        // Marked once the broker confirmed it, which may be just after the consumer had it.
        await Eventually.Until(() => Host.OutboxRowAsync(id), row => row!.DispatchedAt is not null, what: "the event marked dispatched");
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var rolledBack = await Host.WriteNoteAsync(commit: false);
        var committed = await Host.WriteNoteAsync();

        await Host.WaitForDeliveryAsync(committed);
        Assert.Equal(0, Host.Probe.Deliveries(rolledBack));
        Assert.False(await Host.QueryAsync(db => db.Notes.AnyAsync(n => n.Id == rolledBack)));
        Assert.Null(await Host.OutboxRowAsync(rolledBack));
        Assert.False(await Host.QueryAsync(db => db.Set<Audit.AuditEntry>().AnyAsync(a => a.EntityId == rolledBack.ToString())));
        Assert.True(await Host.QueryAsync(db => db.Set<Audit.AuditEntry>().AnyAsync(a => a.EntityId == committed.ToString() && a.EntityType == nameof(Note))));
    }

    [Fact]
    public async Task What_a_message_changes_is_recorded_as_the_work_of_its_consumer()
    {
        var id = await Host.WriteNoteAsync();
        await Host.WaitForDeliveryAsync(id);

        var entry = await Host.QueryAsync(db => db.Set<Audit.AuditEntry>().SingleAsync(a => a.EntityType == nameof(Tally) && a.EntityId == id.ToString()));

        Assert.Equal(("message:NoteWrittenConsumer", Audit.AuditAction.Created), (entry.Actor, entry.Action));
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(entry.After!).RootElement.GetProperty("applied").GetInt32());
    }

    [Fact]
    public async Task A_message_delivered_twice_takes_effect_once()
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        // The broker redelivers: same message, same id.
        await Host.Bus.Publish(new NoteWritten { NoteId = id }, context => context.MessageId = messageId);
        await Host.Bus.Publish(new NoteWritten { NoteId = id }, context => context.MessageId = messageId);

        await Host.WaitForDeliveryAsync(id, deliveries: 2);
        Assert.Equal(1, await Host.QueryAsync(db => db.Tallies.Where(t => t.NoteId == id).Select(t => t.Applied).SingleAsync()));
    }

    [Fact]
    public async Task A_poison_message_ends_in_the_error_queue_and_the_next_one_is_handled()
    {
        var poison = await Host.WriteNoteAsync(poison: true);
        var next = await Host.WriteNoteAsync();

        await Host.WaitForDeliveryAsync(next);
        var dead = await Eventually.Until(() => FindInQueueAsync($"{Host.Queue}_error", poison), found => found is not null,
            TimeSpan.FromSeconds(20), "the poison message in the _error queue");
        Assert.Contains("cannot be handled", dead);
        Assert.False(await Host.QueryAsync(db => db.Tallies.AnyAsync(t => t.NoteId == poison)));
    }

    [Fact]
    public async Task The_trace_of_the_change_continues_into_the_consumer()
    {
        Guid id;
        ActivityTraceId trace;
        using (var activity = NotesHost.TestSource.StartActivity("write a note"))
        {
            trace = activity!.TraceId;
            id = await Host.WriteNoteAsync();
        }

        await Host.WaitForDeliveryAsync(id);
        Assert.Equal(trace, Host.Probe.TraceOf(id));
    }

    /// <summary>Reads (and puts back) the queue's messages; returns the fault reason of the one about the note.</summary>
    private static async Task<string?> FindInQueueAsync(string queue, Guid noteId)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null; // not created yet
        }
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            if (Encoding.UTF8.GetString(message.Body.Span).Contains(noteId.ToString()))
                return message.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var reason) == true && reason is byte[] bytes
                    ? Encoding.UTF8.GetString(bytes)
                    : "(no fault reason)";
        }
        return null;
    }
}

/// <summary>The broker goes down and comes back: nothing committed meanwhile is lost.</summary>
[Collection(RabbitNode.Collection)]
public class BrokerOutageTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly RabbitNode _broker = new();
    private NotesHost _host = null!;

    public async Task InitializeAsync()
    {
        await _broker.StartAsync();
        _host = await NotesHost.StartAsync(_database.ConnectionString, _broker.ConnectionString);
        await _host.WaitForDeliveryAsync(await _host.WriteNoteAsync(), within: TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_change_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        await _broker.StopAsync();

        var id = await _host.WriteNoteAsync();

        // The dispatcher tries, fails, and keeps the event.
        var row = await Eventually.Until(() => _host.OutboxRowAsync(id), m => m!.Attempts >= 1, TimeSpan.FromSeconds(30), "a failed attempt recorded");
        Assert.Null(row!.DispatchedAt);
        Assert.NotNull(row.LastError);
        Assert.Equal(0, _host.Probe.Deliveries(id));

        // The service restarts too, while the broker is still down; the event waits in its database.
        var service = _host.Service;
        await _host.DisposeAsync();
        await _broker.StartAsync();
        _host = await NotesHost.StartAsync(_database.ConnectionString, _broker.ConnectionString, service);

        await _host.WaitForDeliveryAsync(id, within: TimeSpan.FromSeconds(90));
        Assert.Equal(1, await _host.QueryAsync(db => db.Tallies.Where(t => t.NoteId == id).Select(t => t.Applied).SingleAsync()));
    }
}
