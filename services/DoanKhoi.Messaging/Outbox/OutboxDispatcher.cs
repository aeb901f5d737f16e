using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Messaging.Outbox;

/// <summary>Publishes the committed events of a service's outbox, oldest first, and marks each
/// dispatched only once the broker has confirmed it. A failed publish is retried with a growing delay
/// (the broker may be down); rows are claimed with SKIP LOCKED so several instances can share the work.</summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    internal static readonly ActivitySource Source = new("DoanKhoi.Messaging");
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
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
                .ToListAsync(ct);

            var published = 0;
            TimeSpan? retryIn = null;
            foreach (var message in pending)
            {
                try
                {
                    await PublishAsync(message, settings, ct);
                    message.MarkDispatched(clock.GetUtcNow());
                    published++;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    retryIn = Backoff(message.Attempts, settings);
                    message.MarkFailed(e, clock.GetUtcNow(), retryIn.Value);
                    logger.LogWarning("Publishing {Type} {MessageId} failed (attempt {Attempt}); retrying in {RetryIn}: {Error}",
                        message.MessageType, message.MessageId, message.Attempts, retryIn, message.LastError);
                    break; // keep the order: what follows waits for the broker too
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            if (published > 0) logger.LogDebug("Published {Count} events from the outbox of {Context}", published, typeof(TContext).Name);
            return new BatchResult(published, retryIn);
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

    private async Task PublishAsync(OutboxMessage message, MessagingOptions settings, CancellationToken cancellationToken)
    {
        var type = ResolveType(message.MessageType)
            ?? throw new InvalidOperationException($"No event type named {message.MessageType} is loaded.");
        var body = JsonSerializer.Deserialize(message.Body, type, MessageJson.Options)!;

        // Continue the trace of the request that wrote the event; MassTransit's own send activity
        // becomes a child of this one and carries the context on to the consumers.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        try
        {
            await bus.Publish(body, type, context => context.MessageId = message.MessageId, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the event within {settings.PublishTimeout.TotalSeconds:0} s.");
        }
    }

    internal static TimeSpan Backoff(int attempts, MessagingOptions settings)
    {
        var seconds = Math.Min(settings.OutboxMaxBackoff.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(attempts, 16)));
        return TimeSpan.FromSeconds(seconds);
    }

    private static Type? ResolveType(string fullName) => Types.GetOrAdd(fullName, name =>
        typeof(Contracts.Membership.UnitCreated).Assembly.GetType(name)
        ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null));
}
