using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Messaging.Outbox;

/// <summary>Publishes the committed events of a service's outbox, oldest first, and marks each
/// dispatched only once the broker has confirmed it. A batch's publishes overlap and their
/// confirmations are awaited together (<see cref="OutboxBatchPublisher"/>), in sequence order up to the
/// first failure. A failed publish is retried with a growing delay (the broker may be down); rows are
/// claimed with SKIP LOCKED so several instances can share the work.</summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private readonly OutboxBatchPublisher _publisher = new(bus);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var faults = bus.ConnectPublishObserver(_publisher);
        var nextCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.OutboxPollInterval;
            try
            {
                if (clock.GetUtcNow() >= nextCleanup)
                {
                    await CleanUpAsync(settings, stoppingToken);
                    nextCleanup = clock.GetUtcNow() + settings.CleanupInterval;
                }
                if (nextCleanup - clock.GetUtcNow() < wait) wait = nextCleanup - clock.GetUtcNow();

                var batch = await DispatchBatchAsync(settings, stoppingToken);
                if (batch.Published == settings.OutboxBatchSize && batch.RetryIn is null) continue;
                if (batch.RetryIn is { } retryIn && retryIn < wait) wait = retryIn;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database itself is unreachable: try again after the poll interval.
                logger.LogWarning(e, "The outbox of {Context} could not be read", typeof(TContext).Name);
            }

            try
            {
                await signal.WaitAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private readonly record struct BatchResult(int Published, TimeSpan? RetryIn);

    private async Task<BatchResult> DispatchBatchAsync(MessagingOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var pending = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE dispatched_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                    ORDER BY sequence LIMIT {settings.OutboxBatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(ct);
            if (pending.Count == 0) return new BatchResult(0, null);

            var outcome = await _publisher.PublishAsync(pending, settings.PublishTimeout, ct);

            // One statement for the confirmed events, however many. The events after the first failure stay
            // pending, even those the broker confirmed, and are published again in a later round.
            var dispatched = pending.Take(outcome.Confirmed).Select(m => m.Sequence).ToList();
            if (dispatched.Count > 0) await OutboxMessage.MarkDispatchedAsync(db.Set<OutboxMessage>(), dispatched, clock.GetUtcNow(), ct);

            TimeSpan? retryIn = null;
            if (outcome.Failure is { } error)
            {
                var message = pending[outcome.Confirmed];
                retryIn = Backoff(message.Attempts, settings);
                db.Attach(message);
                message.MarkFailed(error, clock.GetUtcNow(), retryIn.Value);
                await db.SaveChangesAsync(ct);
                logger.LogWarning("Publishing {Type} {MessageId} failed (attempt {Attempt}); retrying in {RetryIn}: {Error}",
                    message.MessageType, message.MessageId, message.Attempts, retryIn, message.LastError);
            }

            await transaction.CommitAsync(ct);
            if (dispatched.Count > 0) logger.LogDebug("Published {Count} events from the outbox of {Context}", dispatched.Count, typeof(TContext).Name);
            return new BatchResult(dispatched.Count, retryIn);
        }, cancellationToken);
    }

    /// <summary>Deletes published events and handled-message records past their retention.</summary>
    private async Task CleanUpAsync(MessagingOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var outboxBefore = now - settings.OutboxRetention;
        var inboxBefore = now - settings.InboxRetention;
        var events = await db.Set<OutboxMessage>().Where(m => m.DispatchedAt < outboxBefore).ExecuteDeleteAsync(cancellationToken);
        var handled = await db.Set<Inbox.InboxMessage>().Where(m => m.HandledAt < inboxBefore).ExecuteDeleteAsync(cancellationToken);
        if (events + handled > 0)
            logger.LogInformation("Removed {Events} published events and {Handled} handled-message records past retention from {Context}", events, handled, typeof(TContext).Name);
    }

    internal static TimeSpan Backoff(int attempts, MessagingOptions settings)
    {
        var seconds = Math.Min(settings.OutboxMaxBackoff.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(attempts, 16)));
        return TimeSpan.FromSeconds(seconds);
    }
}
