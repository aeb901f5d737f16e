namespace DoanKhoi.Contracts.Membership;

// The yearly evaluation (đánh giá, xếp loại) of members and units, and the youths each unit reaches:
// what reporting counts for K12 (grades) and K01/K10 (youths). Each event carries the whole state of
// what changed and a version that grows by one with each change of it; a subscriber keeps the highest.

/// <summary>One of the four grades of the yearly evaluation.</summary>
public enum Grade
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ.</summary>
    Excellent,
    /// <summary>Hoàn thành tốt nhiệm vụ.</summary>
    Good,
    /// <summary>Hoàn thành nhiệm vụ.</summary>
    Pass,
    /// <summary>Không hoàn thành nhiệm vụ.</summary>
    Fail,
}

/// <summary>A member was graded for a year by their unit (or the grade was changed).</summary>
public record MemberEvaluated
{
    public required Guid MemberId { get; init; }
    /// <summary>The unit that graded the member, and the member's branch then.</summary>
    public required Guid UnitId { get; init; }
    public Guid? BranchId { get; init; }
    public required int Year { get; init; }
    public required Grade Grade { get; init; }
    /// <summary>Of this member's evaluation for this year.</summary>
    public required int Version { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A unit was graded for a year by the standing committee (or the grade was changed).</summary>
public record UnitEvaluated
{
    public required Guid UnitId { get; init; }
    public required Guid ClusterId { get; init; }
    public required int Year { get; init; }
    public required Grade Grade { get; init; }
    /// <summary>Of this unit's evaluation for this year.</summary>
    public required int Version { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The standing committee closed a year's evaluation: its grades are final.</summary>
public record EvaluationYearClosed
{
    public required int Year { get; init; }
    public required int Version { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The standing committee reopened a closed year's evaluation, with the reason.</summary>
public record EvaluationYearReopened
{
    public required int Year { get; init; }
    public required string Reason { get; init; }
    public required int Version { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A unit recorded how many non-member youths (thanh niên) it reaches, as of CountedOn; the
/// count of the latest day is the unit's present one. K01 and K10 count youths as well as members.</summary>
public record YouthCountRecorded
{
    public required Guid UnitId { get; init; }
    public required DateOnly CountedOn { get; init; }
    public required int Youths { get; init; }
    /// <summary>Of this unit's count on this day (a correction of the same day raises it).</summary>
    public required int Version { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
