using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoanKhoi.Messaging.Outbox;

/// <summary>An aggregate that raises its own integration events (eShop's domain events, published
/// through the outbox). Whoever changes it (an endpoint, an importer, the demo loader) only saves;
/// SaveChanges writes the events into the outbox in the same transaction.</summary>
public interface IRaisesEvents
{
    IReadOnlyList<object> RaisedEvents { get; }

    void ClearRaisedEvents();
}

/// <summary>A base for aggregates: <see cref="Raise"/> queues an event until the next SaveChanges.</summary>
public abstract class AggregateRoot : IRaisesEvents
{
    private readonly List<object> _raised = [];

    IReadOnlyList<object> IRaisesEvents.RaisedEvents => _raised;

    void IRaisesEvents.ClearRaisedEvents() => _raised.Clear();

    protected void Raise(object integrationEvent) => _raised.Add(integrationEvent);
}

/// <summary>Turns the events the tracked aggregates raised into outbox rows as SaveChanges begins, in
/// the order they were raised. The rows are tracked like any change: they commit with it or not at all.</summary>
public sealed class AggregateEventsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var outbox = context.Set<OutboxMessage>();
        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries<IRaisesEvents>().ToList())
        {
            foreach (var raised in entry.Entity.RaisedEvents) outbox.Add(OutboxMessage.For(raised, now));
            // Written once: a retried SaveChanges (the execution strategy) must not write them twice.
            entry.Entity.ClearRaisedEvents();
        }
    }
}
