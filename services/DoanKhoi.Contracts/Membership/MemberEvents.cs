namespace DoanKhoi.Contracts.Membership;

// Like the organisation events, every member event carries the member's whole state as others need
// it and a version that grows by one with each change: a subscriber keeps the highest version. The
// CCCD and the ethnicity (personal data under Nghị định 13/2023/NĐ-CP) never leave membership.
// EffectiveOn is the day the step took effect (a decision's date), OccurredAt when it was recorded.

public enum MemberStatus
{
    /// <summary>Sinh hoạt tại đơn vị.</summary>
    Active,
    /// <summary>Đang chuyển sinh hoạt: issued by the sending unit, not yet accepted.</summary>
    InTransfer,
    /// <summary>Trưởng thành Đoàn.</summary>
    Matured,
    /// <summary>Transferred out of the bloc, moved away, removed, expelled or deceased.</summary>
    Left,
}

public enum PartyStatus
{
    None,
    /// <summary>Giới thiệu đoàn viên ưu tú cho Đảng.</summary>
    Recommended,
    /// <summary>Kết nạp Đảng: a Party member.</summary>
    PartyMember,
}

/// <summary>The state of a member after a change, as the other services need it.</summary>
public record MemberSnapshot
{
    public required Guid MemberId { get; init; }
    public required string FullName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    /// <summary>"male" or "female".</summary>
    public required string Gender { get; init; }
    public required Guid UnitId { get; init; }
    public Guid? BranchId { get; init; }
    public required MemberStatus Status { get; init; }
    public required PartyStatus PartyStatus { get; init; }
    public required bool IsCadre { get; init; }
    public required DateOnly JoinedUnionOn { get; init; }
    public required int Version { get; init; }
}

/// <summary>A member who already belonged to the Union was recorded (an import, a register).</summary>
public record MemberRegistered
{
    public required MemberSnapshot Member { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A young person was admitted to the Union (kết nạp đoàn viên): counts for K11.</summary>
public record MemberAdmitted
{
    public required MemberSnapshot Member { get; init; }
    public required string ResolutionNumber { get; init; }
    public required Guid AdmittingUnitId { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The member's profile was corrected (name, date of birth, gender, branch, contact, posts).</summary>
public record MemberProfileChanged
{
    public required MemberSnapshot Member { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The sending unit issued a transfer (chuyển sinh hoạt Đoàn): the member is in transfer,
/// seen by both units, until the receiving unit accepts or rejects it or the sender withdraws it.</summary>
public record MemberTransferIssued
{
    public required MemberSnapshot Member { get; init; }
    public required Guid TransferId { get; init; }
    public required Guid FromUnitId { get; init; }
    public required Guid ToUnitId { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The receiving unit accepted the member: they belong to it from EffectiveOn.</summary>
public record MemberTransferred
{
    public required MemberSnapshot Member { get; init; }
    public required Guid TransferId { get; init; }
    public required Guid FromUnitId { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A pending transfer was rejected by the receiving unit or withdrawn by the sending one: the
/// member stays where they were.</summary>
public record MemberTransferCancelled
{
    public required MemberSnapshot Member { get; init; }
    public required Guid TransferId { get; init; }
    /// <summary>"rejected" or "withdrawn".</summary>
    public required string Outcome { get; init; }
    public string? Reason { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Trưởng thành Đoàn: the member, past 30 and holding no post, matured out on the unit's decision.</summary>
public record MemberMatured
{
    public required MemberSnapshot Member { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The member left the Union's rolls in the bloc: transferred out of the bloc, moved away,
/// removed (xóa tên), expelled (khai trừ) or deceased.</summary>
public record MemberLeft
{
    public required MemberSnapshot Member { get; init; }
    /// <summary>transferredOut, movedAway, removed, expelled or deceased.</summary>
    public required string Reason { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>Giới thiệu đoàn viên ưu tú cho Đảng: counts for K11.</summary>
public record MemberRecommendedToParty
{
    public required MemberSnapshot Member { get; init; }
    public required string DecisionNumber { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The Party's answer to a recommendation: admitted (kết nạp Đảng) or not.</summary>
public record MemberPartyAdmissionDecided
{
    public required MemberSnapshot Member { get; init; }
    public required bool Admitted { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
