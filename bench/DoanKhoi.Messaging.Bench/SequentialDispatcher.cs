using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Messaging.Bench;

/// <summary>The outbox dispatcher as it was before batching, kept to be measured in the same run: each
/// publish awaits the broker's confirmation before the next one starts. Only the marking differs (the
/// entity's own method is gone): one UPDATE for the batch, as today, instead of one per event.</summary>
public sealed class SequentialDispatcher<TContext>(IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOptions<MessagingOptions> options,
    TimeProvider clock) : BackgroundService where TContext : DbContext
{
    private static readonly ActivitySource Source = new("DoanKhoi.Messaging");
    private static readonly ConcurrentDictionary<string, Type?> Types = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Puts this dispatcher in the place of the outbox's own.</summary>
    public static void Replace(IServiceCollection services)
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxDispatcher<TContext>)));
        services.AddHostedService<SequentialDispatcher<TContext>>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.OutboxPollInterval;
            try
            {
                var (published, retryIn) = await DispatchBatchAsync(settings, stoppingToken);
                if (published == settings.OutboxBatchSize && retryIn is null) continue;
                if (retryIn is { } r && r < wait) wait = r;
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task<(int Published, TimeSpan? RetryIn)> DispatchBatchAsync(MessagingOptions settings, CancellationToken cancellationToken)
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

            var published = new List<long>();
            TimeSpan? retryIn = null;
            foreach (var message in pending)
            {
                try
                {
                    await PublishAsync(message, settings, ct);
                    published.Add(message.Sequence);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    retryIn = TimeSpan.FromSeconds(Math.Min(settings.OutboxMaxBackoff.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(message.Attempts, 16))));
                    message.MarkFailed(e, clock.GetUtcNow(), retryIn.Value);
                    break; // keep the order: what follows waits for the broker too
                }
            }

            await db.SaveChangesAsync(ct);
            if (published.Count > 0) await OutboxMessage.MarkDispatchedAsync(db.Set<OutboxMessage>(), published, clock.GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
            return (published.Count, retryIn);
        }, cancellationToken);
    }

    private async Task PublishAsync(OutboxMessage message, MessagingOptions settings, CancellationToken cancellationToken)
    {
        var type = Types.GetOrAdd(message.MessageType, name => AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null))
            ?? throw new InvalidOperationException($"No event type named {message.MessageType} is loaded.");
        var body = JsonSerializer.Deserialize(message.Body, type, Json)!;

        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        await bus.Publish(body, type, context => context.MessageId = message.MessageId, timeout.Token);
    }
}
