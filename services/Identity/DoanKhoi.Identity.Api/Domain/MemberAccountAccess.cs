using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;

namespace DoanKhoi.Identity.Domain;

/// <summary>Who gives members their accounts, in one place. The bloc office issues for any member; a unit's
/// secretary (<c>unit-secretary@unit:&lt;id&gt;</c>) for the members who belong to that unit now, as
/// identity last heard from membership: a member who transfers is the receiving unit's from the day it
/// accepts them. A member of another unit is answered like one that does not exist (404). Nobody else
/// issues: cluster leads, branch secretaries, the standing and inspection committees, members and systems
/// that only read get 403.</summary>
public static class MemberAccountAccess
{
    public static bool IssuesMemberAccounts(this Caller caller) =>
        caller.IsBlocOffice || caller.Posts.Any(p => p is { Role: Role.UnitSecretary, Node: NodeKind.Unit });

    public static void EnsureIssuesMemberAccounts(this Caller caller)
    {
        if (!caller.IssuesMemberAccounts())
            throw new ForbiddenException("Only the bloc office or a unit's secretary (unit-secretary@unit:<id>) may give members their accounts.");
    }

    /// <summary>The units whose members the caller issues accounts for; null for all of them.</summary>
    public static IReadOnlySet<Guid>? UnitsReached(this Caller caller) =>
        caller.IsBlocOffice ? null : caller.Posts.Where(p => p is { Role: Role.UnitSecretary, Node: NodeKind.Unit }).Select(p => p.NodeId!.Value).ToHashSet();

    public static bool Reaches(this Caller caller, Guid unitId) => caller.UnitsReached() is not { } units || units.Contains(unitId);

    public static void EnsureReaches(this Caller caller, MemberCopy member)
    {
        if (!caller.Reaches(member.UnitId)) throw new OutOfReachException("member", member.Id);
    }
}
