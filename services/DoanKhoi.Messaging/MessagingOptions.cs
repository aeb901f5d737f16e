namespace DoanKhoi.Messaging;

/// <summary>Settings of the bus, the outbox dispatcher and consumer retries (section "Messaging").</summary>
public sealed class MessagingOptions
{
    /// <summary>How often the dispatcher looks for events when nothing woke it (events written by another instance).</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one publish may wait for the broker's confirmation before it is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events claimed, published and marked together. A batch's publishes overlap, so whatever its
    /// size a batch costs one claim, one update and one commit, and two waits for the broker's
    /// confirmations (its first event of each type goes alone); RabbitMQ confirms a persistent message
    /// once it has synced it to disk, up to a few hundred milliseconds later when the queue is busy.
    /// Batches of 1,000 spread those costs over more events than 500 do (bench/messaging.sh publishes an
    /// import about a third faster), and an import of 10,000 goes out in ten. A batch holds its rows'
    /// locks while it publishes (other instances skip them and take the next 1,000), keeps its events in
    /// memory (a megabyte or two), and after a failure publishes again the confirmed events that
    /// followed the failed one (subscribers drop them as duplicates); steady traffic fills batches far
    /// smaller than this.</summary>
    public int OutboxBatchSize { get; set; } = 1000;

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
