using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;

namespace DoanKhoi.Reporting.Apis;

/// <summary>Which units a caller reaches, decided from reporting's own copy of the tree (kept from
/// membership's events): no call to membership on the request path.</summary>
public static class OrganisationAccess
{
    public static IQueryable<UnitCopy> VisibleTo(this IQueryable<UnitCopy> units, Caller caller, ReportingDbContext db)
    {
        var reach = caller.Reach;
        if (reach.WholeBloc) return units;
        var clusters = reach.Clusters.ToArray();
        var unitIds = reach.Units.ToArray();
        var branches = reach.Branches.ToArray();
        return units.Where(u => clusters.Contains(u.ClusterId) || unitIds.Contains(u.Id)
                                || db.Branches.Any(b => b.UnitId == u.Id && branches.Contains(b.Id)));
    }

    public static IQueryable<ClusterCopy> VisibleTo(this IQueryable<ClusterCopy> clusters, Caller caller, ReportingDbContext db)
    {
        if (caller.SeesWholeBloc) return clusters;
        var units = db.Units.VisibleTo(caller, db);
        var led = caller.Reach.Clusters.ToArray();
        return clusters.Where(c => units.Any(u => u.ClusterId == c.Id) || led.Contains(c.Id));
    }
}
