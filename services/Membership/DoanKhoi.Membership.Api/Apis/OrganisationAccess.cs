using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Who sees and changes which part of the organisation. The bloc's posts see all of it; a
/// cluster lead the units in the cluster now; a secretary their unit (or the unit of their branch).
/// Out of reach is answered like "does not exist".</summary>
public static class OrganisationAccess
{
    public static IQueryable<Unit> VisibleTo(this IQueryable<Unit> units, Caller caller, MembershipDbContext db)
    {
        var reach = caller.Reach;
        if (reach.WholeBloc) return units;
        var clusters = reach.Clusters.ToArray();
        var unitIds = reach.Units.ToArray();
        var branches = reach.Branches.ToArray();
        return units.Where(u => clusters.Contains(u.ClusterId) || unitIds.Contains(u.Id)
                                || db.Branches.Any(b => b.UnitId == u.Id && branches.Contains(b.Id)));
    }

    /// <summary>The unit, if the caller reaches it; one out of reach is "not found", like one that does not exist.</summary>
    public static async Task<Unit> ReachableAsync(this IQueryable<Unit> units, Caller caller, MembershipDbContext db, Guid unitId, CancellationToken ct) =>
        await units.VisibleTo(caller, db).FirstOrDefaultAsync(u => u.Id == unitId, ct)
        ?? (await units.AnyAsync(u => u.Id == unitId, ct) ? throw new OutOfReachException("unit", unitId) : throw new NotFoundException("unit", unitId));

    /// <summary>The clusters the caller leads, and those of the units they reach.</summary>
    public static IQueryable<Cluster> VisibleTo(this IQueryable<Cluster> clusters, Caller caller, MembershipDbContext db)
    {
        if (caller.SeesWholeBloc) return clusters;
        var units = db.Units.VisibleTo(caller, db);
        var led = caller.Reach.Clusters.ToArray();
        return clusters.Where(c => units.Any(u => u.ClusterId == c.Id) || led.Contains(c.Id));
    }

    /// <summary>The organisation itself (clusters, units, where a unit belongs) is the bloc office's to change.</summary>
    public static void EnsureBlocOffice(this Caller caller, string change)
    {
        if (!caller.IsBlocOffice) throw new ForbiddenException($"Only the bloc office (Văn phòng Đoàn Khối) may {change}.");
    }

    /// <summary>The bloc office, or the secretary of this very unit.</summary>
    public static void EnsureKeepsUnit(this Caller caller, Unit unit, string change)
    {
        if (caller.IsBlocOffice || caller.Posts.Contains(Post.OnUnit(unit.Id))) return;
        throw new ForbiddenException($"Only the bloc office or the unit's secretary may {change}.");
    }
}
