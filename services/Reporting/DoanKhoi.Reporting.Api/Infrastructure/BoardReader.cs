using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

/// <summary>Reads the board from the tallies: a node's figures on a day are the sums of its steps up to
/// that day, a handful of rows per measure, whatever the number of facts behind them.</summary>
public sealed class BoardReader(ReportingDbContext db)
{
    public async Task<NodeSums> SumsAsync(TargetProgramme programme, BoardLevel level, Guid? id, DateOnly asOf, CancellationToken ct)
    {
        var (scope, node) = level switch
        {
            BoardLevel.Bloc => (NodeScope.Bloc, Guid.Empty),
            BoardLevel.Cluster => (NodeScope.Cluster, id!.Value),
            _ => (NodeScope.Unit, id!.Value),
        };
        var rows = await db.Database.SqlQuery<PartSum>($"""
            SELECT measure, part, sum(amount)::bigint AS amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)scope} AND node_id = {node} AND day <= {asOf}
            GROUP BY measure, part
            """).ToListAsync(ct);
        var sums = rows.ToDictionary(r => (r.Measure, r.Part), r => r.Amount);
        if (level == BoardLevel.Cluster) await SharesOfClustersAsync(programme, new() { [node] = sums }, asOf, ct);

        // The clusters that meet an "each cluster" measure are summed in the bloc's own Meeting steps (BoardCounter).
        var clustersMeeting = new Dictionary<string, long>();
        long clusters = 0;
        if (level == BoardLevel.Bloc && programme.Measures.Where(m => m.Each == Each.Cluster).ToArray() is { Length: > 0 } each)
        {
            clusters = await db.Clusters.LongCountAsync(ct);
            foreach (var m in each) clustersMeeting[m.Code] = sums.GetValueOrDefault((m.Code, TallyPart.Meeting));
        }
        int? quota = level == BoardLevel.Unit
            ? await db.IdeaQuotas.AsNoTracking().Where(q => q.Year == programme.Year && q.UnitId == node).Select(q => (int?)q.Count).FirstOrDefaultAsync(ct)
            : null;
        return new NodeSums(sums, clustersMeeting, clusters, quota);
    }

    /// <summary>The sums of several nodes of one level at once (the units of a cluster, the clusters of the bloc), by node.</summary>
    public async Task<Dictionary<Guid, Dictionary<(string Measure, TallyPart Part), long>>> SumsOfAsync(TargetProgramme programme, BoardLevel level,
        Guid[] ids, DateOnly asOf, CancellationToken ct)
    {
        var scope = level == BoardLevel.Cluster ? NodeScope.Cluster : NodeScope.Unit;
        var rows = await db.Database.SqlQuery<NodePartSum>($"""
            SELECT node_id, measure, part, sum(amount)::bigint AS amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)scope} AND node_id = ANY({ids}) AND day <= {asOf}
            GROUP BY node_id, measure, part
            """).ToListAsync(ct);
        var sums = rows.GroupBy(r => r.NodeId).ToDictionary(g => g.Key, g => g.ToDictionary(r => (r.Measure, r.Part), r => r.Amount));
        if (level == BoardLevel.Cluster)
        {
            foreach (var id in ids) sums.TryAdd(id, []);
            await SharesOfClustersAsync(programme, sums, asOf, ct);
        }
        return sums;
    }

    /// <summary>A cluster's shares (of members, of units) are those of the units in it on the day, each with its
    /// whole figures: a unit that moved in July is one of its new cluster's units in December, with the members
    /// it has. (Counts stay where they happened: its trees of March are its old cluster's.)
    /// The cluster's total already holds its units' steps, each where the unit was that day; it differs from
    /// the units in it on the day only by what the cluster organised itself and by the units that moved. So
    /// those are read, not every unit's steps: the bloc's overview of 1,000 clusters reads a few rows more
    /// than their totals, instead of 100,000 units'.</summary>
    private async Task SharesOfClustersAsync(TargetProgramme programme, Dictionary<Guid, Dictionary<(string, TallyPart), long>> clusters, DateOnly asOf, CancellationToken ct)
    {
        string[] measures = [.. programme.Measures.Where(m => m.Of is not null || m.Each == Each.Unit).Select(m => m.Code), MeasureCounter.OpenUnits];
        Guid[] ids = [.. clusters.Keys];
        void Add(Guid cluster, string measure, TallyPart part, long amount)
        {
            if (!clusters.TryGetValue(cluster, out var sums)) return;
            sums[(measure, part)] = sums.GetValueOrDefault((measure, part)) + amount;
        }

        // What the clusters organised themselves is not their units'.
        var own = await db.Database.SqlQuery<NodePartSum>($"""
            SELECT node_id, measure, part, sum(amount)::bigint AS amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)NodeScope.ClusterOwn} AND node_id = ANY({ids})
              AND measure = ANY({measures}) AND day <= {asOf}
            GROUP BY node_id, measure, part
            """).ToListAsync(ct);
        foreach (var row in own) Add(row.NodeId, row.Measure, row.Part, -row.Amount);

        // A unit that was in more than one cluster: its steps leave the clusters they were counted for, and all of
        // them go to the cluster it was in on the day (its newest record from that day or before).
        var moved = await db.Database.SqlQuery<UnitRecord>($"""
            SELECT r.unit_id, r.version, r.cluster_id, r.from_day FROM unit_cluster_records r
            WHERE r.unit_id IN (
                SELECT unit_id FROM unit_cluster_records
                WHERE unit_id IN (SELECT unit_id FROM unit_cluster_records WHERE cluster_id = ANY({ids}))
                GROUP BY unit_id HAVING count(DISTINCT cluster_id) > 1)
            """).ToListAsync(ct);
        if (moved.Count == 0) return;
        var clusterOn = moved.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g =>
        {
            var ordered = g.OrderBy(r => r.Version).ToList();
            return ordered.LastOrDefault(r => r.FromDay <= asOf)?.ClusterId ?? ordered[0].ClusterId;
        });
        Guid[] units = [.. clusterOn.Keys];
        var steps = await db.Database.SqlQuery<MovedSum>($"""
            SELECT node_id, cluster_id, measure, part, sum(amount)::bigint AS amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)NodeScope.Unit} AND node_id = ANY({units})
              AND measure = ANY({measures}) AND day <= {asOf}
            GROUP BY node_id, cluster_id, measure, part
            """).ToListAsync(ct);
        foreach (var row in steps)
        {
            if (row.ClusterId is { } counted) Add(counted, row.Measure, row.Part, -row.Amount);
            Add(clusterOn[row.NodeId], row.Measure, row.Part, row.Amount);
        }
    }

    public sealed record UnitRecord(Guid UnitId, int Version, Guid ClusterId, DateOnly FromDay);

    public sealed record MovedSum(Guid NodeId, Guid? ClusterId, string Measure, TallyPart Part, long Amount);

    public sealed record UnitInCluster(Guid UnitId, Guid ClusterId);

    public sealed record PartSum(string Measure, TallyPart Part, long Amount);

    public sealed record NodePartSum(Guid NodeId, string Measure, TallyPart Part, long Amount);
}
