using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Inbox;

public static class InboxExtensions
{
    /// <summary>Within a batch's transaction, takes a lock on each record of <paramref name="ids"/>, in the ids'
    /// order (so two batches never wait on each other): batches of different events about one record take
    /// turns on it, and the second reads what the first wrote instead of adding it again.</summary>
    /// <returns>The ids, distinct and ordered.</returns>
    public static async Task<Guid[]> LockRecordsAsync(this DbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var ordered = ids.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) FROM unnest({ordered}) AS id", ct);
        return ordered;
    }

    /// <summary>Runs <paramref name="handle"/> for a message once per consumer: its change and the
    /// record of the message commit in one transaction, so a redelivered message finds the record and
    /// changes nothing twice. A failure rolls both back, and MassTransit retries the message, then moves
    /// it to the _error queue. <paramref name="handle"/> changes <paramref name="db"/> without saving.</summary>
    /// <returns>false when the message had been handled already.</returns>
    public static async Task<bool> HandleOnceAsync<TMessage>(this DbContext db, ConsumeContext<TMessage> context, string consumer,
        Func<CancellationToken, Task> handle, TimeProvider clock)
        where TMessage : class =>
        await db.HandleEachOnceAsync([context], consumer, (_, ct) => handle(ct), clock, context.CancellationToken) == 1;

    /// <summary>Runs <paramref name="handle"/> once for the messages of a batch that this consumer has not
    /// handled before, in the order they came: their change and the record of each message commit in one
    /// transaction, so a batch costs one transaction instead of one per message. A redelivered message
    /// finds its record and is left out; a failure rolls the whole batch back and MassTransit retries
    /// its messages. <paramref name="handle"/> changes <paramref name="db"/> without saving.</summary>
    /// <returns>How many of the batch's messages were new.</returns>
    public static Task<int> HandleOnceAsync<TMessage>(this DbContext db, ConsumeContext<Batch<TMessage>> context, string consumer,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task> handle, TimeProvider clock)
        where TMessage : class =>
        db.HandleEachOnceAsync(context.Message, consumer, handle, clock, context.CancellationToken);

    private static async Task<int> HandleEachOnceAsync<TMessage>(this DbContext db, IEnumerable<ConsumeContext<TMessage>> messages, string consumer,
        Func<IReadOnlyList<TMessage>, CancellationToken, Task> handle, TimeProvider clock, CancellationToken cancellationToken)
        where TMessage : class
    {
        // The same message twice in a batch (a redelivery that caught up with it) is handled once.
        var byId = messages
            .Select(m => (Id: m.MessageId ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated."), m.Message))
            .DistinctBy(m => m.Id).ToList();
        var ids = byId.Select(m => m.Id).Order().ToArray();
        var messageType = typeof(TMessage).FullName!;

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The records are written first, and only the messages whose record is new are handled: a
            // redelivery handled at the same moment in another batch waits here for that batch's
            // transaction, then finds its record. (In id order, so two batches never wait on each other.)
            var now = clock.GetUtcNow();
            var claimed = (await db.Set<InboxMessage>()
                .FromSql($"""
                    INSERT INTO inbox_messages (message_id, consumer, message_type, handled_at)
                    SELECT id, {consumer}, {messageType}, {now} FROM unnest({ids}) AS id
                    ON CONFLICT (message_id, consumer) DO NOTHING
                    RETURNING *
                    """)
                .AsNoTracking().ToListAsync(ct)).Select(m => m.MessageId).ToHashSet();
            var fresh = byId.Where(m => claimed.Contains(m.Id)).Select(m => m.Message).ToList();
            if (fresh.Count == 0) return 0;

            // The audit trail names the consumer as the author of what the messages change.
            using var actor = Audit.AuditActor.Use($"message:{consumer}");
            await handle(fresh, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return fresh.Count;
        }, cancellationToken);
    }
}
