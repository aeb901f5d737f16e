using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DoanKhoi.Messaging.Audit;

public static class AuditTrail
{
    public const string Table = "audit_entries";

    /// <summary>Marks an entity type or a property the trail leaves out: secrets (password hashes, key
    /// material) and bookkeeping rows that are not changes anybody made.</summary>
    public const string NotAuditedAnnotation = "DoanKhoi:NotAudited";

    public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> NotAudited<T>(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entity) where T : class =>
        entity.HasAnnotation(NotAuditedAnnotation, true);

    /// <summary>Marks the property that says which unit an entity belongs to (a unit's own id, a branch's
    /// unit id): the trail records it with each change, to be queried by unit.</summary>
    public const string UnitAnnotation = "DoanKhoi:AuditUnit";

    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<Guid> IsAuditedUnit(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<Guid> property) =>
        property.HasAnnotation(UnitAnnotation, true);

    public static Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> NotAudited<T>(
        this Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> property) =>
        property.HasAnnotation(NotAuditedAnnotation, true);

    /// <summary>Records that the current caller read or exported personal data (whose, which fields),
    /// with the next SaveChanges.</summary>
    public static void RecordPersonalDataAccess(this DbContext db, AuditActor actor, AuditAction action, string entityType, string entityId,
        Guid? unitId, object details, DateTimeOffset at) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            OccurredAt = at,
            Actor = actor.Name,
            OnBehalfOf = actor.OnBehalfOf,
            UnitId = unitId,
            EntityType = entityType,
            EntityId = entityId.Length > 200 ? entityId[..200] : entityId,
            Action = action,
            After = System.Text.Json.JsonSerializer.Serialize(details, System.Text.Json.JsonSerializerOptions.Web),
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });

    public static ModelBuilder AddAuditTrail(this ModelBuilder model)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable(Table);
            e.Property(a => a.Id).UseIdentityAlwaysColumn();
            e.Property(a => a.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
            e.Property(a => a.OnBehalfOf).HasMaxLength(AuditEntry.OnBehalfOfMaxLength);
            e.Property(a => a.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength);
            e.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdMaxLength);
            e.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Before).HasColumnType("jsonb");
            e.Property(a => a.After).HasColumnType("jsonb");
            e.Property(a => a.TraceId).HasMaxLength(AuditEntry.TraceIdLength);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => a.Actor);
            e.HasIndex(a => new { a.UnitId, a.OccurredAt });
        });
        return model;
    }

    /// <summary>Makes the audit table append-only in the database itself: whoever connects, an
    /// UPDATE or DELETE of a row fails. Call from the migration that creates the table.</summary>
    public static void MakeAuditTrailAppendOnly(this MigrationBuilder migration) => migration.Sql($"""
        CREATE OR REPLACE FUNCTION audit_entries_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'The audit trail is append-only: % of an entry is refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON {Table}
            FOR EACH ROW EXECUTE FUNCTION audit_entries_are_append_only();
        """);
}
