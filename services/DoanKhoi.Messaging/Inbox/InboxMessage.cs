namespace DoanKhoi.Messaging.Inbox;

/// <summary>The record that a consumer has handled a message, committed with the consumer's change:
/// the same message delivered again finds it and changes nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public string MessageType { get; init; } = "";
    public DateTimeOffset HandledAt { get; init; }
}
