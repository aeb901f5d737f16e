using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Domain;

/// <summary>Who sees which part of the board and who sets the programme. The bloc's figures are the whole
/// bloc's: every post sees them. A cluster's and a unit's figures are seen by the bloc's posts, the
/// cluster's lead, and the secretaries and members of the units in it (a unit's, by its own). The
/// standing committee and the bloc office set the programme. Out of reach is answered like "does not exist".</summary>
public static class ReportingPermissions
{
    /// <summary>The standing committee sets the year's targets; the bloc office keeps the calendar.</summary>
    public static void EnsureSetsProgramme(this Caller caller)
    {
        if (caller.Holds(Role.StandingCommittee) || caller.IsBlocOffice) return;
        throw new ForbiddenException("Only the standing committee (Ban Thường vụ) or the bloc office changes the year's programme.");
    }

    /// <summary>The units the caller sees the figures of: those their posts reach, and a member's own.</summary>
    public static IQueryable<UnitCopy> UnitsSeenBy(this ReportingDbContext db, Caller caller)
    {
        if (caller.SeesWholeBloc) return db.Units;
        var members = caller.NodesOf(NodeKind.Member).ToArray();
        var reached = db.Units.VisibleTo(caller, db);
        return db.Units.Where(u => reached.Any(r => r.Id == u.Id) || db.Members.Any(m => members.Contains(m.Id) && m.UnitId == u.Id));
    }

    /// <summary>The clusters the caller sees: led, or holding a unit the caller sees.</summary>
    public static IQueryable<ClusterCopy> ClustersSeenBy(this ReportingDbContext db, Caller caller)
    {
        if (caller.SeesWholeBloc) return db.Clusters;
        var led = caller.Reach.Clusters.ToArray();
        var units = db.UnitsSeenBy(caller);
        return db.Clusters.Where(c => led.Contains(c.Id) || units.Any(u => u.ClusterId == c.Id));
    }

    public static async Task EnsureSeesUnitAsync(this ReportingDbContext db, Caller caller, Guid unit, CancellationToken ct)
    {
        if (await db.UnitsSeenBy(caller).AnyAsync(u => u.Id == unit, ct)) return;
        throw await db.Units.AnyAsync(u => u.Id == unit, ct) ? new OutOfReachException("unit", unit) : new NotFoundException("unit", unit);
    }

    public static async Task EnsureSeesClusterAsync(this ReportingDbContext db, Caller caller, Guid cluster, CancellationToken ct)
    {
        if (await db.ClustersSeenBy(caller).AnyAsync(c => c.Id == cluster, ct)) return;
        throw await db.Clusters.AnyAsync(c => c.Id == cluster, ct) ? new OutOfReachException("cluster", cluster) : new NotFoundException("cluster", cluster);
    }

    /// <summary>A unit's reports are sent by its secretary, a cluster's by its lead.</summary>
    public static void EnsureSubmitsFor(this Caller caller, Reports.SubmitterLevel level, Guid submitter)
    {
        if (level == Reports.SubmitterLevel.Unit && caller.Posts.Contains(Post.OnUnit(submitter))) return;
        if (level == Reports.SubmitterLevel.Cluster && caller.Posts.Contains(Post.OnCluster(submitter))) return;
        throw level == Reports.SubmitterLevel.Unit
            ? new ForbiddenException("Only the unit's secretary sends the unit's reports.")
            : new ForbiddenException("Only the cluster's lead sends the cluster's reports.");
    }

    /// <summary>The bloc office reviews the reports and opens a locked one again.</summary>
    public static void EnsureReviewsReports(this Caller caller)
    {
        if (caller.IsBlocOffice) return;
        throw new ForbiddenException("Only the bloc office (Văn phòng Đoàn Khối) reviews reports and opens them again.");
    }
}
