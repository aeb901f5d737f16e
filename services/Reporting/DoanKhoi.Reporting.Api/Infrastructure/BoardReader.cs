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
    /// it has. (Counts stay where they happened: its trees of March are its old cluster's.)</summary>
    private async Task SharesOfClustersAsync(TargetProgramme programme, Dictionary<Guid, Dictionary<(string, TallyPart), long>> clusters, DateOnly asOf, CancellationToken ct)
    {
        string[] measures = [.. programme.Measures.Where(m => m.Of is not null || m.Each == Each.Unit).Select(m => m.Code), MeasureCounter.OpenUnits];
        Guid[] ids = [.. clusters.Keys];
        // Each unit's cluster on the day: its newest record from that day or before; a unit with none, its copy's.
        var members = await db.Database.SqlQuery<UnitInCluster>($"""
            SELECT unit_id, cluster_id FROM (
                SELECT DISTINCT ON (r.unit_id) r.unit_id, r.cluster_id
                FROM unit_cluster_records r
                WHERE r.unit_id IN (SELECT unit_id FROM unit_cluster_records WHERE cluster_id = ANY({ids})) AND r.from_day <= {asOf}
                ORDER BY r.unit_id, r.version DESC) AS latest
            WHERE cluster_id = ANY({ids})
            UNION
            SELECT u.id, u.cluster_id FROM units u
            WHERE u.cluster_id = ANY({ids}) AND NOT EXISTS (SELECT 1 FROM unit_cluster_records r WHERE r.unit_id = u.id)
            """).ToListAsync(ct);
        Guid[] units = [.. members.Select(m => m.UnitId)];
        var rows = await db.Database.SqlQuery<NodePartSum>($"""
            SELECT node_id, measure, part, sum(amount)::bigint AS amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)NodeScope.Unit} AND node_id = ANY({units})
              AND measure = ANY({measures}) AND day <= {asOf}
            GROUP BY node_id, measure, part
            """).ToListAsync(ct);
        var clusterOf = members.ToDictionary(m => m.UnitId, m => m.ClusterId);
        foreach (var sums in clusters.Values)
            foreach (var key in sums.Keys.Where(k => measures.Contains(k.Item1)).ToList()) sums.Remove(key);
        foreach (var row in rows)
        {
            var sums = clusters[clusterOf[row.NodeId]];
            sums[(row.Measure, row.Part)] = sums.GetValueOrDefault((row.Measure, row.Part)) + row.Amount;
        }
    }

    public sealed record UnitInCluster(Guid UnitId, Guid ClusterId);

    public sealed record PartSum(string Measure, TallyPart Part, long Amount);

    public sealed record NodePartSum(Guid NodeId, string Measure, TallyPart Part, long Amount);
}
