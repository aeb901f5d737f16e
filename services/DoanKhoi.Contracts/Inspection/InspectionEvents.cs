namespace DoanKhoi.Contracts.Inspection;

// The inspection service's events. Each carries the whole state of what changed and its version, so a
// consumer (reporting counting K14 and weighing a unit's standing, membership recording a disciplinary
// measure) keeps the newest whatever the order, and a replay changes nothing twice.

/// <summary>The kinds of seed 6.4: regular, thematic (chuyên đề), unscheduled (đột xuất), on signs of
/// violation (khi có dấu hiệu vi phạm), and supervision (giám sát).</summary>
public enum InspectionKind
{
    Regular,
    Thematic,
    Unscheduled,
    OnSignsOfViolation,
    Supervision,
}

public enum InspectionStatus
{
    Planned,
    InProgress,
    Concluded,
    Cancelled,
}

/// <summary>The state of an inspection or supervision after a change: what K14 counts (a thematic
/// inspection or a supervision, concluded on a day) and the units it concerns.</summary>
public record InspectionSnapshot
{
    public required Guid InspectionId { get; init; }
    public required int Year { get; init; }
    public required InspectionKind Kind { get; init; }
    public required string Topic { get; init; }
    public required InspectionStatus Status { get; init; }
    /// <summary>The units inspected, and the units of the people inspected.</summary>
    public IReadOnlyList<Guid> UnitIds { get; init; } = [];
    /// <summary>The day of the conclusion (kết luận), in Vietnam time; null until concluded.</summary>
    public DateOnly? ConcludedOn { get; init; }
    public required int Version { get; init; }
}

public record InspectionChanged
{
    public required InspectionSnapshot Inspection { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A social-critique item (phản biện xã hội, K14): counted on the day the bloc sent its opinions.</summary>
public record SocialCritiqueSnapshot
{
    public required Guid SocialCritiqueId { get; init; }
    public required int Year { get; init; }
    public required string Document { get; init; }
    /// <summary>The day the bloc sent its opinions, in Vietnam time; null while they are being drafted.</summary>
    public DateOnly? OpinionsSentOn { get; init; }
    public required bool Withdrawn { get; init; }
    public required int Version { get; init; }
}

public record SocialCritiqueChanged
{
    public required SocialCritiqueSnapshot SocialCritique { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>What weighs on a unit after an inspection: its serious findings still open and its
/// recommendations past their due date and not done. Published whenever either count changes (a day
/// passing makes a recommendation overdue), with a version per unit.</summary>
public record UnitStandingChanged
{
    public required Guid UnitId { get; init; }
    public required int OpenSeriousFindings { get; init; }
    public required int OverdueRecommendations { get; init; }
    public required int OpenRecommendations { get; init; }
    /// <summary>The day the counts hold for, in Vietnam time.</summary>
    public required DateOnly AsOf { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The disciplinary measures of the Union's statute (kỷ luật): reprimand (khiển trách), warning
/// (cảnh cáo), removal from post (cách chức) and expulsion (khai trừ).</summary>
public enum DisciplinaryMeasure
{
    Reprimand,
    Warning,
    RemovalFromPost,
    Expulsion,
}

/// <summary>A disciplinary measure decided on a member or cadre by the competent level, dated. Membership
/// records it on the member: an expulsion ends the membership with that reason, a removal from post ends
/// the Union post. A decision annulled later is published again with <see cref="Annulled"/> set.</summary>
public record DisciplineDecided
{
    public required Guid DecisionId { get; init; }
    public required Guid MemberId { get; init; }
    public required Guid UnitId { get; init; }
    public required DisciplinaryMeasure Measure { get; init; }
    /// <summary>The decision's number and the level that took it ("Ban Thường vụ Đoàn Khối").</summary>
    public required string DecisionNumber { get; init; }
    public required string DecidedBy { get; init; }
    public required DateOnly DecidedOn { get; init; }
    /// <summary>The day it takes effect, in Vietnam time.</summary>
    public required DateOnly EffectiveOn { get; init; }
    public required string Reason { get; init; }
    public Guid? InspectionId { get; init; }
    public bool Annulled { get; init; }
    public required int Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
