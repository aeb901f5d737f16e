namespace DoanKhoi.Messaging.Audit;

/// <summary>One change of one entity, written in the same transaction as the change. Append-only: the
/// database refuses to update or delete it.</summary>
public sealed class AuditEntry
{
    // The columns' lengths: the database refuses longer.
    public const int ActorMaxLength = 200;
    public const int OnBehalfOfMaxLength = 200;
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 200;

    /// <summary>A W3C trace id: 32 hexadecimal digits.</summary>
    public const int TraceIdLength = 32;

    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who made the change: an account, or the consumer of a message for a change a message caused.</summary>
    public string Actor { get; init; } = "";

    /// <summary>Whose behalf the actor acted on, when not its own (a client acting for a person).</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The grassroots unit the change concerns, when it concerns one: the bloc office asks "what
    /// changed in unit X".</summary>
    public Guid? UnitId { get; init; }

    public string EntityType { get; init; } = "";
    public string EntityId { get; init; } = "";
    public AuditAction Action { get; init; }

    /// <summary>The values before the change (JSON): every property for a deletion, the changed ones for an update.</summary>
    public string? Before { get; init; }

    /// <summary>The values after the change (JSON): every property for a creation, the changed ones for an update.</summary>
    public string? After { get; init; }

    /// <summary>The trace of the request or message that caused the change.</summary>
    public string? TraceId { get; init; }
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,

    // Security events: not changes of an entity, but on the same append-only record.
    SignedIn,
    SignInFailed,
    LockedOut,
    Refused,

    // Reads and exports of personal data (Nghị định 13/2023/NĐ-CP: a record of who read or exported it).
    ReadPersonalData,
    ExportedPersonalData,
}
