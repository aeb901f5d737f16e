namespace DoanKhoi.Contracts.Activities;

// The activities service's events: each carries the activity's whole state and its version, so a
// consumer (reporting counting the targets) keeps the newest whatever the order, and can recount the
// past from them. Codes (movement, kind, quantities, flags) are those of the year's programme.

/// <summary>Who organised an activity: the bloc (Đoàn Khối), an emulation cluster or a unit.</summary>
public enum OrganiserLevel
{
    Bloc,
    Cluster,
    Unit,
}

public enum ActivityStatus
{
    /// <summary>On the calendar, not yet held.</summary>
    Planned,
    /// <summary>Held: what happened is recorded.</summary>
    Held,
    Cancelled,
}

/// <summary>The state of an activity after a change.</summary>
public record ActivitySnapshot
{
    public required Guid ActivityId { get; init; }
    public required string Title { get; init; }
    /// <summary>The programme year whose vocabulary the codes come from.</summary>
    public required int Year { get; init; }
    public required string Movement { get; init; }
    public string? Programme { get; init; }
    public required string Kind { get; init; }
    public string? Subtype { get; init; }
    /// <summary>The number of the bloc's big activity (seed VI) this activity carries out, if any.</summary>
    public int? BigActivity { get; init; }
    public required OrganiserLevel OrganiserLevel { get; init; }
    /// <summary>The cluster or unit that organised it; null for the bloc.</summary>
    public Guid? OrganiserId { get; init; }
    public IReadOnlyList<Guid> CoOrganiserIds { get; init; } = [];
    /// <summary>First and last day, in Vietnam time.</summary>
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public string? Place { get; init; }
    public required ActivityStatus Status { get; init; }
    /// <summary>What was recorded when it was held, by quantity code (trees-planted, blood-units, …).</summary>
    public IReadOnlyDictionary<string, int> Quantities { get; init; } = new Dictionary<string, int>();
    /// <summary>The youth-project flags it carries (border-area, new-rural-commune, …).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    public required int Version { get; init; }
}

public record ActivityPlanned
{
    public required ActivitySnapshot Activity { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Its details changed (title, dates, place, kind, …) or what was recorded of it was corrected.</summary>
public record ActivityChanged
{
    public required ActivitySnapshot Activity { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>It was held, and what happened is recorded (quantities, flags).</summary>
public record ActivityHeld
{
    public required ActivitySnapshot Activity { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public record ActivityCancelled
{
    public required ActivitySnapshot Activity { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>How a participant took part: registered (not yet marked), attended, absent or excused.</summary>
public enum Attendance
{
    Registered,
    Attended,
    Absent,
    Excused,
}

/// <summary>The state of one member's participation in an activity after a change.</summary>
public record ParticipationSnapshot
{
    public required Guid ParticipationId { get; init; }
    public required Guid ActivityId { get; init; }
    public required Guid MemberId { get; init; }
    /// <summary>The unit the member belonged to when they took part: the targets count it there.</summary>
    public required Guid UnitId { get; init; }
    public required Attendance Attendance { get; init; }
    /// <summary>They came without registering.</summary>
    public required bool WalkIn { get; init; }
    /// <summary>When they checked themselves in with the activity's QR code, if they did.</summary>
    public DateTimeOffset? CheckedInAt { get; init; }
    public required int Version { get; init; }
}

/// <summary>A member registered, was added, was marked, or checked in.</summary>
public record ParticipationChanged
{
    public required ParticipationSnapshot Participation { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A registration was withdrawn before the activity.</summary>
public record ParticipationWithdrawn
{
    public required ParticipationSnapshot Participation { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Where a creative idea (Tuổi trẻ sáng tạo) stands: only accepted (and then applied) ideas count toward the target.</summary>
public enum IdeaStatus
{
    Submitted,
    Accepted,
    Rejected,
    /// <summary>Accepted and applied in practice.</summary>
    Applied,
}

/// <summary>The state of a creative idea after a change.</summary>
public record IdeaSnapshot
{
    public required Guid IdeaId { get; init; }
    public required int Year { get; init; }
    public required Guid UnitId { get; init; }
    public required string Title { get; init; }
    public required string Field { get; init; }
    /// <summary>Its page on ytuongsangtao.net.</summary>
    public required string Link { get; init; }
    public IReadOnlyList<Guid> AuthorIds { get; init; } = [];
    public required IdeaStatus Status { get; init; }
    public required int Version { get; init; }
}

/// <summary>An idea was submitted, reviewed (accepted or rejected), or marked applied.</summary>
public record IdeaChanged
{
    public required IdeaSnapshot Idea { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The bloc office set a unit's yearly quota of ideas (K06: "100 % of units meet their quota").</summary>
public record IdeaQuotaSet
{
    public required int Year { get; init; }
    public required Guid UnitId { get; init; }
    /// <summary>How many accepted ideas the unit is expected to have.</summary>
    public required int Count { get; init; }
    /// <summary>Of this unit's quota for this year.</summary>
    public required int Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
