using System.Diagnostics;
using System.Text.Json;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoanKhoi.Messaging.Audit;

/// <summary>Adds an <see cref="AuditEntry"/> for every entity a SaveChanges creates, updates or
/// deletes, to that same SaveChanges: the change and its record commit or roll back together.</summary>
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var traceId = Activity.Current?.TraceId.ToString();
        var (actorName, onBehalfOf) = (actor.Name, actor.OnBehalfOf);
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Where(e => e.State != EntityState.Modified || e.Properties.Any(p => p.IsModified && IsAudited(p)))
            .Select(e => new AuditEntry
            {
                OccurredAt = now,
                Actor = actorName,
                OnBehalfOf = onBehalfOf,
                UnitId = UnitOf(e),
                EntityType = e.Metadata.ClrType.Name,
                EntityId = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                Action = e.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated },
                Before = e.State == EntityState.Added ? null : Values(e, original: true),
                After = e.State == EntityState.Deleted ? null : Values(e, original: false),
                TraceId = traceId,
            })
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>The records of the messaging machinery are not changes of the domain; an owned entity
    /// (a unit's history line) is part of its owner's change.</summary>
    private static bool IsAudited(EntityEntry e) =>
        e.Entity is not (AuditEntry or OutboxMessage or InboxMessage) && !e.Metadata.IsOwned()
        && e.Metadata.FindAnnotation(AuditTrail.NotAuditedAnnotation) is null;

    private static Guid? UnitOf(EntityEntry e) =>
        e.Properties.FirstOrDefault(p => p.Metadata.FindAnnotation(AuditTrail.UnitAnnotation) is not null)?.CurrentValue as Guid?;

    private static bool IsAudited(PropertyEntry p) => p.Metadata.FindAnnotation(AuditTrail.NotAuditedAnnotation) is null;

    private static string Values(EntityEntry e, bool original)
    {
        var properties = (e.State == EntityState.Modified ? e.Properties.Where(p => p.IsModified) : e.Properties).Where(IsAudited);
        var values = properties.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), p => original ? p.OriginalValue : p.CurrentValue);
        return JsonSerializer.Serialize(values, Json);
    }
}
