using DoanKhoi.Messaging.Audit;
using System.Collections.Concurrent;
using System.Diagnostics;
using DoanKhoi.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Tests;

// A small service built on the messaging building block, as every DoanKhoi service is: notes are
// written with an event through the outbox, and a consumer keeps a tally of the notes it was told of.

public sealed class Note
{
    public Guid Id { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>How many times the consumer applied a note: exactly once is right.</summary>
public sealed class Tally
{
    public Guid NoteId { get; set; }
    public int Applied { get; set; }
}

public sealed record NoteWritten
{
    public required Guid NoteId { get; init; }
    public bool Poison { get; init; }
}

public sealed class NotesDbContext(DbContextOptions<NotesDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Tally>().HasKey(t => t.NoteId);
        model.AddOutboxAndInbox().AddAuditTrail();
    }
}

public sealed class NotesDbContextFactory() : ServiceDbContextFactory<NotesDbContext>("notes");

/// <summary>What the consumer saw, for the tests to wait on: every delivery, duplicates included.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, ActivityTraceId> _traces = new();

    public int Deliveries(Guid noteId) => _deliveries.GetValueOrDefault(noteId);

    public ActivityTraceId? TraceOf(Guid noteId) => _traces.TryGetValue(noteId, out var trace) ? trace : null;

    public void Delivered(Guid noteId, ActivityTraceId? trace)
    {
        _deliveries.AddOrUpdate(noteId, 1, (_, n) => n + 1);
        if (trace is { } t) _traces[noteId] = t;
    }
}

public sealed class NoteWrittenConsumer(NotesDbContext db, TimeProvider clock, Probe probe) : IConsumer<NoteWritten>
{
    public async Task Consume(ConsumeContext<NoteWritten> context)
    {
        await db.HandleOnceAsync(context, nameof(NoteWrittenConsumer), async ct =>
        {
            if (context.Message.Poison) throw new InvalidOperationException($"Note {context.Message.NoteId} cannot be handled.");
            var tally = await db.Tallies.FindAsync([context.Message.NoteId], ct);
            if (tally is null) db.Tallies.Add(tally = new Tally { NoteId = context.Message.NoteId });
            tally.Applied++;
        }, clock);
        probe.Delivered(context.Message.NoteId, Activity.Current?.TraceId);
    }
}
