using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Outbox;

/// <summary>An integration event written in the same transaction as the change that caused it, and
/// published by <see cref="OutboxDispatcher{TContext}"/> once that transaction has committed.</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    /// <summary>Publication order within one service.</summary>
    public long Sequence { get; private set; }

    /// <summary>The MassTransit message id: subscribers deduplicate on it.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>Full name of the event type in DoanKhoi.Contracts.</summary>
    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>W3C trace context of the request that caused the event, so the trace continues
    /// through the broker into every consumer.</summary>
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage For(object message, DateTimeOffset now)
    {
        var type = message.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            MessageType = type.FullName!,
            Body = JsonSerializer.Serialize(message, type, MessageJson.Options),
            TraceParent = activity?.Id is { } id && activity.IdFormat == ActivityIdFormat.W3C ? id : null,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
        };
    }

    /// <summary>Marks the events of <paramref name="sequences"/> dispatched, in one statement
    /// (<c>UPDATE … WHERE sequence = ANY(…)</c>) whatever their number.</summary>
    public static Task<int> MarkDispatchedAsync(IQueryable<OutboxMessage> outbox, IReadOnlyCollection<long> sequences, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        outbox.Where(m => sequences.Contains(m.Sequence)).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.DispatchedAt, now)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.NextAttemptAt, (DateTimeOffset?)null), cancellationToken);

    public void MarkFailed(Exception error, DateTimeOffset now, TimeSpan retryIn)
    {
        Attempts++;
        var text = $"{error.GetType().Name}: {error.Message}";
        LastError = text.Length <= 2000 ? text : text[..2000];
        NextAttemptAt = now + retryIn;
    }
}

internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
