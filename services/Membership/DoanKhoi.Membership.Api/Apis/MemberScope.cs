using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>The members a caller sees (<see cref="MemberAccess"/>), worked out once before a list is read:
/// the units they reach, and the members outside those units they see (in transfer to one of them, or the
/// caller themself). A list then filters by a few constants, which PostgreSQL answers off a unit's index,
/// instead of looking up each of a million members' transfers.</summary>
public sealed class MemberScope
{
    private MemberScope(IReadOnlyList<Guid>? units, IReadOnlyList<Guid> others)
    {
        Units = units;
        Others = others;
    }

    /// <summary>The units whose members the caller sees; null for every unit (the bloc's posts).</summary>
    public IReadOnlyList<Guid>? Units { get; }

    /// <summary>Members the caller sees outside <see cref="Units"/>: in transfer to one of them, or the caller.</summary>
    public IReadOnlyList<Guid> Others { get; }

    public static async Task<MemberScope> OfAsync(Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        if (caller.SeesWholeBloc) return new MemberScope(null, []);
        var units = await db.Units.AsNoTracking().VisibleTo(caller, db).Select(u => u.Id).ToListAsync(ct);
        // A member in transfer is seen by the receiving unit too, until it decides.
        var incoming = await db.Transfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Pending && t.ToUnitId != null && units.Contains(t.ToUnitId.Value))
            .Select(t => t.MemberId).ToListAsync(ct);
        var candidates = incoming.Concat(caller.NodesOf(NodeKind.Member)).Distinct().ToList();
        List<Guid> others = candidates.Count == 0 ? [] : await db.Members.AsNoTracking()
            .Where(m => candidates.Contains(m.Id) && !units.Contains(m.UnitId)).Select(m => m.Id).ToListAsync(ct);
        return new MemberScope(units, others);
    }

    /// <summary>The members of the scope's units, without those seen outside them.</summary>
    public IQueryable<Member> InUnits(IQueryable<Member> members)
    {
        if (Units is not { } units) return members;
        if (units.Count != 1) return members.Where(m => units.Contains(m.UnitId));
        var only = units[0];
        return members.Where(m => m.UnitId == only);
    }

    /// <summary>Every member the scope sees.</summary>
    public IQueryable<Member> Apply(IQueryable<Member> members)
    {
        if (Units is not { } units || Others.Count == 0) return InUnits(members);
        var others = Others;
        return members.Where(m => units.Contains(m.UnitId) || others.Contains(m.Id));
    }

    /// <summary>The tallies of the scope's units (those seen outside them are counted one by one).</summary>
    public IQueryable<MemberTally> InUnits(IQueryable<MemberTally> tallies)
    {
        if (Units is not { } units) return tallies;
        return tallies.Where(t => units.Contains(t.UnitId));
    }
}
