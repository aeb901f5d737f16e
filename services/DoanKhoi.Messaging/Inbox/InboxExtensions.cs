using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Inbox;

public static class InboxExtensions
{
    /// <summary>Runs <paramref name="handle"/> for a message once per consumer: its change and the
    /// record of the message commit in one transaction, so a redelivered message finds the record and
    /// changes nothing twice. A failure rolls both back, and MassTransit retries the message, then moves
    /// it to the _error queue. <paramref name="handle"/> changes <paramref name="db"/> without saving.</summary>
    /// <returns>false when the message had been handled already.</returns>
    public static async Task<bool> HandleOnceAsync<TMessage>(this DbContext db, ConsumeContext<TMessage> context, string consumer,
        Func<CancellationToken, Task> handle, TimeProvider clock)
        where TMessage : class
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct))
                return false;

            // The audit trail names the consumer as the author of what the message changes.
            using var actor = Audit.AuditActor.Use($"message:{consumer}");
            await handle(ct);
            db.Set<InboxMessage>().Add(new InboxMessage
            {
                MessageId = messageId,
                Consumer = consumer,
                MessageType = typeof(TMessage).FullName!,
                HandledAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, context.CancellationToken);
    }
}
