using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;

namespace DoanKhoi.Identity.Domain;

/// <summary>A member (đoàn viên) as identity has heard of them from membership's events: enough to give
/// a <c>member@member:&lt;id&gt;</c> post only to a member who exists and is on the rolls, to know which
/// unit's secretary issues their account (the unit they belong to now), and to print their name on it.</summary>
public sealed class KnownMember
{
    /// <summary>Membership's longest full name.</summary>
    public const int FullNameMaxLength = 100;

    private KnownMember() { }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public Guid? BranchId { get; private set; }
    public MemberStatus Status { get; private set; }
    public int Version { get; private set; }

    /// <summary>On the rolls: active, or in transfer (still the sending unit's until the other accepts).</summary>
    public bool IsCurrent => Status is MemberStatus.Active or MemberStatus.InTransfer;

    public static KnownMember From(MemberSnapshot s) => new()
    {
        Id = s.MemberId, FullName = s.FullName, UnitId = s.UnitId, BranchId = s.BranchId, Status = s.Status, Version = s.Version,
    };

    /// <summary>Keeps the newer of what it knows and <paramref name="s"/>: events may come in any order.</summary>
    /// <returns>Whether <paramref name="s"/> was newer.</returns>
    public bool Apply(MemberSnapshot s)
    {
        if (s.Version <= Version) return false;
        (FullName, UnitId, BranchId, Status, Version) = (s.FullName, s.UnitId, s.BranchId, s.Status, s.Version);
        return true;
    }

    /// <summary>Why a member post on this member is refused, or null when it may be given.</summary>
    public ProblemText? WhyNoPost => Status switch
    {
        MemberStatus.Matured => ProblemText.Of($"{FullName} has matured out of the Union (trưởng thành Đoàn): a member post is given only to a member on the rolls."),
        MemberStatus.Left => ProblemText.Of($"{FullName} has left the Union's rolls in the bloc: a member post is given only to a member on the rolls."),
        _ => null,
    };
}
