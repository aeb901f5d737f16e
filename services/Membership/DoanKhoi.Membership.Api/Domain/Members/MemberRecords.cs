using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>Who decided a step, when it took effect, and when it was recorded.</summary>
public sealed record Decision(DateOnly EffectiveOn, string By, DateTimeOffset At);

/// <summary>A member's profile as a request or a spreadsheet row gives it, each value already valid,
/// the CCCD checked against the date of birth and the gender.</summary>
public sealed record MemberProfile(
    PersonName Name, DateOnly DateOfBirth, Gender Gender, Ethnicity Ethnicity, CitizenId? CitizenId,
    string? Phone, string? Email, DateOnly JoinedUnionOn, string? CardNumber, bool IsCadre, PartyStatus PartyStatus);

public enum MemberChange
{
    Registered,
    Admitted,
    ProfileCorrected,
    ContactCorrected,
    PostsChanged,
    TransferIssued,
    Transferred,
    TransferRejected,
    TransferWithdrawn,
    Matured,
    Left,
    RecommendedToParty,
    AdmittedToParty,
    NotAdmittedToParty,
    /// <summary>A disciplinary measure (kỷ luật), recorded from the inspection service's decision.</summary>
    Disciplined,
    /// <summary>A disciplinary decision annulled by the level above.</summary>
    DisciplineAnnulled,
}

/// <summary>Why a member left the bloc's rolls.</summary>
public enum LeaveReason
{
    /// <summary>Chuyển sinh hoạt ra ngoài Đoàn Khối, with the introduction letter.</summary>
    TransferredOut,
    /// <summary>Moved away or stopped taking part (chuyển đi nơi khác).</summary>
    MovedAway,
    /// <summary>Xóa tên khỏi danh sách đoàn viên.</summary>
    Removed,
    /// <summary>Khai trừ, by discipline.</summary>
    Expelled,
    Deceased,
}

/// <summary>One step of a member's life in the Union, kept for as long as the member is.</summary>
public sealed record MemberHistoryEntry(Guid MemberId, int Version, MemberChange Change, DateOnly EffectiveOn, string? Detail, string By, DateTimeOffset At)
{
    /// <summary>Store-generated, so a new entry is always inserted.</summary>
    public long Id { get; private set; }
}

/// <summary>Where a member belonged from one day (inclusive) to another (exclusive; open while current).</summary>
public sealed class MemberPlacement(Guid memberId, Guid unitId, Guid? branchId, DateOnly from, DateOnly? to)
{
    public long Id { get; private set; }
    public Guid MemberId { get; private set; } = memberId;
    public Guid UnitId { get; private set; } = unitId;
    public Guid? BranchId { get; private set; } = branchId;
    public DateOnly From { get; private set; } = from;
    public DateOnly? To { get; private set; } = to;

    public void End(DateOnly on) => To = on;
}

/// <summary>A Union post (chức vụ Đoàn) the member holds or held, for a term.</summary>
public sealed record UnionPostTerm(UnionPost Post, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    public override string ToString() => $"{Post} {From:dd/MM/yyyy}–{(To is { } to ? to.ToString("dd/MM/yyyy") : "")}";
}

public enum UnionPost
{
    /// <summary>Bí thư.</summary>
    Secretary,
    /// <summary>Phó Bí thư.</summary>
    DeputySecretary,
    /// <summary>Ủy viên Ban Chấp hành.</summary>
    CommitteeMember,
}
