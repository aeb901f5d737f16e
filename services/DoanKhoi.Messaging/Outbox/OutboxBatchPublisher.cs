using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace DoanKhoi.Messaging.Outbox;

/// <summary>Publishes a claimed batch of outbox events in sequence order, with the broker's
/// confirmations awaited together rather than one after another, and stops at the batch's first failure.</summary>
/// <remarks>
/// The events leave in sequence order although their publishes overlap. MassTransit sends all that the
/// bus publishes on one RabbitMQ channel, and RabbitMQ.Client numbers and writes each message under that
/// channel's publish lock (taken first come, first served) before it waits for the confirmation. Once the
/// channel is open and an event type's exchanges are declared on it, a publish reaches that lock without
/// yielding, so the events are written in the order they are started here, and the broker routes one
/// channel's messages in the order it reads them. Two things can yield on the way and resume in any
/// order, so this class keeps them apart:
/// <list type="bullet">
/// <item>opening the channel or declaring a type's exchanges: the first event of each type in a batch is
/// published alone, once everything before it is confirmed;</item>
/// <item>a failure: MassTransit retries a publish that lost its connection by itself, each on its own
/// timer, so a later event could overtake an earlier one after a reconnect. The first fault of any
/// publish of the batch cancels all of it: MassTransit retries none, and the dispatcher publishes what
/// was not confirmed again, in order, in a later round.</item>
/// </list>
/// One gap remains: a channel that fails in the moment between the first event of a type and the start
/// of the events after it can leave some of those waiting for a new channel and then leaving in any
/// order. Subscribers do not depend on the order (each organisation event carries the whole state and
/// a version, and they keep the newest), so that window is left open rather than paid for with a
/// round trip per event.
/// </remarks>
internal sealed class OutboxBatchPublisher(IBus bus) : IPublishObserver
{
    private static readonly ActivitySource Source = new("DoanKhoi.Messaging");
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    private volatile Batch? _current;

    /// <param name="messages">Outbox rows in sequence order.</param>
    /// <param name="publishTimeout">How long a publish may wait for its confirmation.</param>
    /// <param name="cancellationToken">Stops the service: the batch ends with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>How many events from the start of the batch the broker confirmed, and why the next one was not.</returns>
    public async Task<BatchOutcome> PublishAsync(IReadOnlyList<OutboxMessage> messages, TimeSpan publishTimeout, CancellationToken cancellationToken)
    {
        // Everything but the publishing first, so that the publishes follow one another closely.
        var events = new List<OutgoingEvent>(messages.Count);
        Exception? unpublishable = null;
        foreach (var message in messages)
        {
            try
            {
                events.Add(OutgoingEvent.From(message));
            }
            catch (Exception e)
            {
                unpublishable = e; // an unknown type or a body that does not read: publish what comes before it
                break;
            }
        }

        using var batch = new Batch(events.Select(e => e.Message.MessageId), cancellationToken);
        _current = batch;
        try
        {
            var confirmed = 0;
            var types = new HashSet<Type>();
            while (confirmed < events.Count)
            {
                // A type's first event goes alone; then every event that follows of a type already sent.
                var end = confirmed + 1;
                if (!types.Add(events[confirmed].Type))
                    while (end < events.Count && types.Contains(events[end].Type)) end++;

                batch.CancelAfter(publishTimeout);
                var publishes = new Task[end - confirmed];
                for (var i = 0; i < publishes.Length; i++) publishes[i] = PublishAsync(events[confirmed + i], batch.Token);
                try
                {
                    await Task.WhenAll(publishes);
                }
                catch
                {
                    // Looked at one by one below, in sequence order.
                }

                foreach (var publish in publishes)
                {
                    if (!publish.IsCompletedSuccessfully) return new BatchOutcome(confirmed, Failure(publish, batch, publishTimeout, cancellationToken));
                    confirmed++;
                }
            }
            return new BatchOutcome(confirmed, unpublishable);
        }
        finally
        {
            _current = null;
        }
    }

    private async Task PublishAsync(OutgoingEvent e, CancellationToken cancellationToken)
    {
        // Continue the trace of the request that wrote the event; MassTransit's own send activity
        // becomes a child of this one and carries the context on to the consumers.
        using var activity = Source.StartActivity($"outbox publish {e.Type.Name}", ActivityKind.Producer, e.Parent);
        activity?.SetTag("messaging.message.id", e.Message.MessageId.ToString());
        await bus.Publish(e.Body, e.Type, context => context.MessageId = e.Message.MessageId, cancellationToken);
    }

    private static Exception Failure(Task publish, Batch batch, TimeSpan publishTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (publish.Exception?.InnerException is { } error and not OperationCanceledException) return error;
        return batch.Fault is { } fault
            ? new InvalidOperationException($"The batch stopped at a failed publish: {fault.GetType().Name}: {fault.Message}", fault)
            : new TimeoutException($"The broker did not confirm the event within {publishTimeout.TotalSeconds:0} s.");
    }

    // MassTransit calls PublishFault from inside each attempt, before it would retry: the batch is
    // cancelled before any of its events can be sent again out of turn.
    Task IPublishObserver.PublishFault<T>(PublishContext<T> context, Exception exception)
    {
        if (_current is { } batch && context.MessageId is { } id && batch.Contains(id)) batch.Faulted(exception);
        return Task.CompletedTask;
    }

    Task IPublishObserver.PrePublish<T>(PublishContext<T> context) => Task.CompletedTask;

    Task IPublishObserver.PostPublish<T>(PublishContext<T> context) => Task.CompletedTask;

    /// <summary>The publishes of one batch: cancelled together by a timeout, a fault or the service stopping.</summary>
    private sealed class Batch(IEnumerable<Guid> messageIds, CancellationToken stopping) : IDisposable
    {
        private readonly HashSet<Guid> _messageIds = [.. messageIds];
        private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        private Exception? _fault;

        public CancellationToken Token => _cancellation.Token;

        /// <summary>The first publish of the batch that failed other than by being cancelled.</summary>
        public Exception? Fault => Volatile.Read(ref _fault);

        public bool Contains(Guid messageId) => _messageIds.Contains(messageId);

        /// <summary>Restarts the clock: the publishes started now may wait this long for their confirmations.</summary>
        public void CancelAfter(TimeSpan timeout) => _cancellation.CancelAfter(timeout);

        public void Faulted(Exception exception)
        {
            if (exception is not OperationCanceledException) Interlocked.CompareExchange(ref _fault, exception, null);
            try
            {
                // Cancelled at once; the callbacks run on the thread pool, not inside MassTransit's fault handling.
                _ = _cancellation.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The batch is over.
            }
        }

        public void Dispose() => _cancellation.Dispose();
    }

    /// <summary>An outbox row made ready to publish: its type resolved, its body read, its trace parsed.</summary>
    private sealed record OutgoingEvent(OutboxMessage Message, Type Type, object Body, ActivityContext Parent)
    {
        public static OutgoingEvent From(OutboxMessage message)
        {
            var type = ResolveType(message.MessageType)
                ?? throw new InvalidOperationException($"No event type named {message.MessageType} is loaded.");
            var body = JsonSerializer.Deserialize(message.Body, type, MessageJson.Options)
                ?? throw new InvalidOperationException($"The body of event {message.MessageId} is empty.");
            ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
            return new OutgoingEvent(message, type, body, parent);
        }
    }

    private static Type? ResolveType(string fullName) => Types.GetOrAdd(fullName, name =>
        typeof(Contracts.Membership.UnitCreated).Assembly.GetType(name)
        ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name)).FirstOrDefault(t => t is not null));
}

/// <summary>What a batch came to: the first <paramref name="Confirmed"/> events were confirmed by the
/// broker; the one after them was not, because of <paramref name="Failure"/> (null when all were).</summary>
internal readonly record struct BatchOutcome(int Confirmed, Exception? Failure);
