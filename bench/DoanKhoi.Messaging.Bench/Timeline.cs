using System.Collections.Concurrent;
using System.Diagnostics;
using DoanKhoi.Messaging.Tests;
using MassTransit;

namespace DoanKhoi.Messaging.Bench;

/// <summary>When each event was committed, confirmed by the broker and handled by the consumer (the
/// first time), on one monotonic clock.</summary>
public sealed class Timeline : IPublishObserver
{
    private readonly ConcurrentDictionary<Guid, long> _committed = new();
    private readonly ConcurrentDictionary<Guid, long> _confirmed = new();
    private readonly ConcurrentDictionary<Guid, long> _handled = new();

    public void Committed(IEnumerable<Guid> noteIds)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var id in noteIds) _committed[id] = now;
    }

    public void Handled(Guid noteId) => _handled.TryAdd(noteId, Stopwatch.GetTimestamp());

    public int HandledCount(IEnumerable<Guid> noteIds) => noteIds.Count(_handled.ContainsKey);

    public int ConfirmedCount(IEnumerable<Guid> noteIds) => noteIds.Count(_confirmed.ContainsKey);

    /// <summary>Seconds from each event's commit to its confirmation, of those confirmed.</summary>
    public List<double> ConfirmDelays(IEnumerable<Guid> noteIds) => Delays(noteIds, _confirmed);

    /// <summary>Seconds from each event's commit to its handling, of those handled.</summary>
    public List<double> HandleDelays(IEnumerable<Guid> noteIds) => Delays(noteIds, _handled);

    /// <summary>From the first commit to the last confirmation.</summary>
    public TimeSpan Span(IEnumerable<Guid> noteIds)
    {
        var ids = noteIds.Where(_confirmed.ContainsKey).ToList();
        return ids.Count == 0 ? TimeSpan.MaxValue
            : Stopwatch.GetElapsedTime(ids.Min(id => _committed[id]), ids.Max(id => _confirmed[id]));
    }

    private List<double> Delays(IEnumerable<Guid> noteIds, ConcurrentDictionary<Guid, long> after) =>
        noteIds.Where(id => after.ContainsKey(id) && _committed.ContainsKey(id))
            .Select(id => Stopwatch.GetElapsedTime(_committed[id], after[id]).TotalSeconds)
            .ToList();

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    // Called once the broker has confirmed the publish.
    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is NoteWritten note) _confirmed.TryAdd(note.NoteId, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>The notes service's consumer (an inbox transaction per event), noting when it handled each.</summary>
public sealed class TimedNoteConsumer(NotesDbContext db, TimeProvider clock, Timeline timeline) : IConsumer<NoteWritten>
{
    public async Task Consume(ConsumeContext<NoteWritten> context)
    {
        var applied = await Inbox.InboxExtensions.HandleOnceAsync(db, context, nameof(TimedNoteConsumer), async ct =>
        {
            var tally = await db.Tallies.FindAsync([context.Message.NoteId], ct);
            if (tally is null) db.Tallies.Add(tally = new Tally { NoteId = context.Message.NoteId });
            tally.Applied++;
        }, clock);
        if (applied) timeline.Handled(context.Message.NoteId);
    }
}
