using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Inbox;

/// <summary>A consumer whose change and the record of the message it handled commit in one
/// transaction: a redelivered message finds the record and changes nothing twice. A failure rolls
/// both back, and MassTransit retries, then moves the message to the _error queue.</summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a message id cannot be deduplicated.");
        var consumer = GetType().Name;

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct))
                return;

            await HandleAsync(context.Message, ct);
            db.Set<InboxMessage>().Add(new InboxMessage
            {
                MessageId = messageId,
                Consumer = consumer,
                MessageType = typeof(TMessage).FullName!,
                HandledAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, context.CancellationToken);
    }

    /// <summary>Applies the message to <see cref="Db"/>; do not call SaveChanges, the base class does.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
