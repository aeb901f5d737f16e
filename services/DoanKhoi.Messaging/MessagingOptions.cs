namespace DoanKhoi.Messaging;

/// <summary>Settings of the bus, the outbox dispatcher and consumer retries (section "Messaging").</summary>
public sealed class MessagingOptions
{
    /// <summary>How often the dispatcher looks for events when nothing woke it (events written by another instance).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one publish may wait for the broker's confirmation before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events claimed, published and marked together. A batch's publishes overlap, so it costs one
    /// claim, one update, one commit and about one broker round trip (one more per event type in it)
    /// whatever its size: at 500 those are a small part of its time, and an import of 10,000 events goes
    /// out in 20 batches. Larger gains little and holds the rows' locks longer (several instances share
    /// the work 500 rows at a time), keeps more bodies in memory (well under a megabyte at 500), and
    /// widens what is published again after a failure (the confirmed events after the first failed one,
    /// which subscribers drop as duplicates).</summary>
    public int OutboxBatchSize { get; set; } = 500;

    /// <summary>Longest wait between two attempts to publish the same event.</summary>
    public TimeSpan OutboxMaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a published event stays in the outbox, for an operator to look back.</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a consumer remembers a handled message; longer than any redelivery can come late.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the dispatcher sweeps what is past retention.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts after the first before a message goes to the consumer's _error queue.</summary>
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan RetryDelta { get; set; } = TimeSpan.FromSeconds(1);
}
