using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;

namespace DoanKhoi.Membership.Apis;

/// <summary>Who sees, reads in full and changes which members, in one place.
/// <list type="bullet">
/// <item>Sees (lists, masked; <see cref="MemberScope"/> works it out): the bloc's posts all; a cluster lead the members of the cluster's units; a
/// secretary those of their unit (a branch secretary: of the branch's unit), and those in transfer to it;
/// a member only themselves.</item>
/// <item>Reads the personal data (the whole CCCD, the ethnicity; Nghị định 13/2023/NĐ-CP): the member, the
/// secretary of the member's own unit, the bloc office. Nobody else, whatever else they see.</item>
/// <item>Keeps (records, admits, corrects, grades for a year): the bloc office and the secretary of the
/// member's unit; nobody grades their own evaluation.</item>
/// <item>Reads a member's grades: the member, the secretaries of the member's unit (unit or branch), the
/// bloc's posts. A cluster lead sees a unit's counts by grade, not who got which.</item>
/// <item>Grades units, closes and reopens a year's evaluation: the standing committee.</item>
/// </list></summary>
public static class MemberAccess
{
    /// <summary>The members the caller sees as they were on <paramref name="on"/>: those then in a unit the
    /// caller reaches now (a secretary sees who belonged to their unit, though they left since).</summary>
    public static IQueryable<Member> VisibleOn(this IQueryable<Member> members, Caller caller, MembershipDbContext db, DateOnly on)
    {
        if (caller.SeesWholeBloc) return members;
        var units = db.Units.VisibleTo(caller, db).Select(u => u.Id);
        var self = caller.NodesOf(NodeKind.Member).ToArray();
        return members.Where(m => self.Contains(m.Id)
            || db.MemberPlacements.Any(p => p.MemberId == m.Id && units.Contains(p.UnitId) && p.From <= on && (p.To == null || p.To > on)));
    }

    public static bool IsMemberThemself(this Caller caller, Guid memberId) => caller.Posts.Contains(Post.OfMember(memberId));

    public static bool SeesPersonalDataOf(this Caller caller, Member member) => caller.SeesPersonalDataIn(member.UnitId) || caller.IsMemberThemself(member.Id);

    /// <summary>The bloc office, or the secretary of <paramref name="unitId"/> itself.</summary>
    public static bool SeesPersonalDataIn(this Caller caller, Guid unitId) => caller.IsBlocOffice || caller.Posts.Contains(Post.OnUnit(unitId));

    /// <summary>Ethnicity is sensitive personal data (Nghị định 13/2023): whoever may not read it may not sort
    /// or count people by it either; the bloc office may, and a secretary within their own unit.</summary>
    public static void EnsureMayUseEthnicity(this Caller caller, Guid? unitId, string field, string use)
    {
        if (caller.IsBlocOffice || (unitId is { } unit && caller.SeesPersonalDataIn(unit))) return;
        throw new ForbiddenException($"{use} is for the bloc office, or a unit's secretary within their own unit (unitId): ethnicity is sensitive personal data.", field);
    }

    public static void EnsureKeepsMembersOf(this Caller caller, Unit unit, string change)
    {
        if (caller.IsBlocOffice || caller.Posts.Contains(Post.OnUnit(unit.Id))) return;
        throw new ForbiddenException($"Only the bloc office or the secretary of {unit.Name} may {change}.");
    }

    /// <summary>The member's own phone and e-mail: the member, or whoever keeps the unit's members.</summary>
    public static void EnsureMayCorrectContact(this Caller caller, Member member, Unit unit)
    {
        if (caller.IsMemberThemself(member.Id)) return;
        caller.EnsureKeepsMembersOf(unit, "correct a member's contact details");
    }

    /// <summary>Whether the caller reads who got which grade in <paramref name="unitId"/>.</summary>
    public static bool SeesGradesIn(this Caller caller, Guid unitId, IReadOnlyCollection<Guid> branchesOfUnit) =>
        caller.SeesWholeBloc || caller.Posts.Contains(Post.OnUnit(unitId)) || branchesOfUnit.Any(b => caller.Posts.Contains(Post.OnBranch(b)));

    /// <summary>Nobody grades themselves: a secretary's own evaluation is the unit committee's, decided without them.</summary>
    public static void EnsureNotOwnEvaluation(this Caller caller, Guid memberId, string field)
    {
        if (caller.IsMemberThemself(memberId))
            throw new ForbiddenException("Nobody grades their own evaluation: another member of the unit's committee, or the bloc office, grades yours.", field);
    }

    public static void EnsureStandingCommittee(this Caller caller, string change)
    {
        if (!caller.Holds(Role.StandingCommittee))
            throw new ForbiddenException($"Only the bloc's standing committee (Ban Thường vụ Đoàn Khối) may {change}.");
    }
}
