using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Organisation;

/// <summary>Which parts of the tree a caller reaches, decided from the service's own copy: no call to
/// membership on the request path. The bloc reaches everything; a cluster post its cluster's units; a
/// unit post its unit; a branch post the unit its branch belongs to (for reading).</summary>
public static class OrganisationCopyReach
{
    public static IQueryable<UnitCopy> VisibleTo(this IQueryable<UnitCopy> units, Caller caller, IOrganisationCopy copy)
    {
        var reach = caller.Reach;
        if (reach.WholeBloc) return units;
        var clusters = reach.Clusters.ToArray();
        var unitIds = reach.Units.ToArray();
        var branches = reach.Branches.ToArray();
        return units.Where(u => clusters.Contains(u.ClusterId) || unitIds.Contains(u.Id)
                                || copy.Branches.Any(b => b.UnitId == u.Id && branches.Contains(b.Id)));
    }

    public static IQueryable<ClusterCopy> VisibleTo(this IQueryable<ClusterCopy> clusters, Caller caller, IOrganisationCopy copy)
    {
        if (caller.SeesWholeBloc) return clusters;
        var units = copy.Units.VisibleTo(caller, copy);
        var led = caller.Reach.Clusters.ToArray();
        return clusters.Where(c => units.Any(u => u.ClusterId == c.Id) || led.Contains(c.Id));
    }

    /// <summary>Whether a cluster, unit or branch of that id is in the copy.</summary>
    public static Task<bool> HasNodeAsync(this IOrganisationCopy copy, NodeKind kind, Guid id, CancellationToken ct) => kind switch
    {
        NodeKind.Cluster => copy.Clusters.AnyAsync(c => c.Id == id, ct),
        NodeKind.Unit => copy.Units.AnyAsync(u => u.Id == id, ct),
        NodeKind.Branch => copy.Branches.AnyAsync(b => b.Id == id, ct),
        _ => Task.FromResult(false),
    };

    /// <summary>The name of the cluster, unit or branch of that id, if the copy has it: for one record's view.</summary>
    public static async Task<string?> NodeNameAsync(this IOrganisationCopy copy, Guid id, CancellationToken ct) =>
        await copy.Units.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct)
        ?? await copy.Clusters.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct)
        ?? await copy.Branches.Where(b => b.Id == id).Select(b => b.Name).FirstOrDefaultAsync(ct);

    /// <summary>The name of every cluster, unit and branch in the copy, by id: for a list.</summary>
    public static async Task<Dictionary<Guid, string>> NodeNamesAsync(this IOrganisationCopy copy, CancellationToken ct)
    {
        var names = await copy.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        foreach (var unit in await copy.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct)) names[unit.Id] = unit.Name;
        foreach (var branch in await copy.Branches.AsNoTracking().Select(b => new { b.Id, b.Name }).ToListAsync(ct)) names[branch.Id] = branch.Name;
        return names;
    }
}
