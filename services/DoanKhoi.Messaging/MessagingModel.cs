using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's model. Call from OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Sequence);
            e.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            e.HasIndex(m => m.MessageId).IsUnique();
            e.Property(m => m.MessageType).HasMaxLength(300);
            e.Property(m => m.Body).HasColumnType("jsonb");
            e.Property(m => m.TraceParent).HasMaxLength(100);
            e.Property(m => m.TraceState).HasMaxLength(500);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => m.Sequence).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.MessageType).HasMaxLength(300);
        });
        return model;
    }

    /// <summary>Queues an integration event; it is written with the next SaveChanges and published
    /// only if that transaction commits.</summary>
    public static void AddEvent(this DbContext db, object integrationEvent, TimeProvider? clock = null) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(integrationEvent, (clock ?? TimeProvider.System).GetUtcNow()));
}
