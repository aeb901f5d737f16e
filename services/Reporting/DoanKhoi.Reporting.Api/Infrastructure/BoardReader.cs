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

        var clustersMeeting = new Dictionary<string, long>();
        long clusters = 0;
        if (level == BoardLevel.Bloc && programme.Measures.Where(m => m.Each == Each.Cluster).ToArray() is { Length: > 0 } each)
        {
            clusters = await db.Clusters.LongCountAsync(ct);
            string[] codes = [.. each.Select(m => m.Code)];
            var perCluster = await db.Database.SqlQuery<NodePartSum>($"""
                SELECT node_id, measure, part, sum(amount)::bigint AS amount FROM board_tallies
                WHERE year = {programme.Year} AND scope = {(short)NodeScope.Cluster} AND measure = ANY({codes}) AND part = {(short)TallyPart.Count} AND day <= {asOf}
                GROUP BY node_id, measure, part
                """).ToListAsync(ct);
            foreach (var m in each)
                clustersMeeting[m.Code] = perCluster.Count(c => c.Measure == m.Code && c.Amount >= (m.AtLeast ?? 1));
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
        return rows.GroupBy(r => r.NodeId).ToDictionary(g => g.Key, g => g.ToDictionary(r => (r.Measure, r.Part), r => r.Amount));
    }

    public sealed record PartSum(string Measure, TallyPart Part, long Amount);

    public sealed record NodePartSum(Guid NodeId, string Measure, TallyPart Part, long Amount);
}
