using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Organisation;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Facts;
using DoanKhoi.Reporting.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

/// <summary>Keeps the board's tallies: counts the nodes whose facts changed again from their facts, and
/// moves the totals of their clusters and of the bloc by the difference, in the caller's transaction.
/// A consumer calls it with the facts it just saved, so the tallies commit with the inbox record of the
/// messages that changed them: a redelivery changes nothing (the inbox), and a replayed fact counted
/// again gives the same steps (nothing to move).</summary>
public sealed class BoardCounter(ReportingDbContext db, ProgrammeStore programmes)
{
    /// <summary>Counts the nodes again, each for a programme year (every year when null).</summary>
    public async Task RecountAsync(IReadOnlyCollection<(BoardNode Node, int? Year)> touched, CancellationToken ct)
    {
        if (touched.Count == 0) return;
        var all = await programmes.AllAsync(db, ct);
        var work = touched.SelectMany(t => all.Where(p => t.Year is null || p.Year == t.Year).Select(p => (t.Node, Programme: p)))
            .Distinct().OrderBy(w => w.Programme.Year).ThenBy(w => w.Node.Id).ThenBy(w => w.Node.Scope).ToList();
        if (work.Count == 0) return;
        // One node is counted by one transaction at a time (two batches touching a unit take turns);
        // the ids are locked at once and in order, after the facts' records, so no two transactions wait on each other.
        await db.LockRecordsAsync(work.Select(w => NodeLock(w.Node)), ct);
        foreach (var (node, programme) in work)
            await RecountAsync(programme, node, ct);
    }

    private static Guid NodeLock(BoardNode node) => node.Scope == NodeScope.BlocOwn ? new Guid("b10cb10c-0000-0000-0000-000000000000") : node.Id;

    private async Task RecountAsync(TargetProgramme programme, BoardNode node, CancellationToken ct)
    {
        var facts = await FactsAsync(programme, node, ct);
        var history = node.Scope == NodeScope.Unit ? await HistoryAsync(node.Id, ct) : null;
        var counted = MeasureCounter.Count(programme, node.Scope, facts);
        var fresh = counted.SelectMany(c => c.Value.Select(s => new Row(c.Key.Measure, c.Key.Part, s.Day,
                node.Scope switch { NodeScope.Unit => history!.On(s.Day), NodeScope.ClusterOwn => node.Id, _ => (Guid?)null }, s.Amount)))
            .ToList();
        var stored = await db.Database.SqlQuery<Row>($"""
            SELECT measure, part, day, cluster_id, amount
            FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)node.Scope} AND node_id = {node.Id}
            """).ToListAsync(ct);
        if (stored.Count == fresh.Count && stored.ToHashSet().SetEquals(fresh)) return;

        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM board_tallies WHERE year = {programme.Year} AND scope = {(short)node.Scope} AND node_id = {node.Id}", ct);
        await WriteAsync(programme.Year, fresh.Select(r => (node.Scope, node.Id, r)), add: false, ct);

        // The totals move by the difference: each day's change, for the cluster the node was in that day and the bloc.
        var delta = fresh.Select(r => r).Concat(stored.Select(r => r with { Amount = -r.Amount }))
            .GroupBy(r => (r.Measure, r.Part, r.Day, r.ClusterId))
            .Select(g => new Row(g.Key.Measure, g.Key.Part, g.Key.Day, g.Key.ClusterId, g.Sum(r => r.Amount)))
            .Where(r => r.Amount != 0).ToList();
        var totals = delta.Where(r => r.ClusterId is { } c && c != Guid.Empty).Select(r => (NodeScope.Cluster, r.ClusterId!.Value, r))
            .Concat(delta.GroupBy(r => (r.Measure, r.Part, r.Day)).Select(g => (NodeScope.Bloc, Guid.Empty, new Row(g.Key.Measure, g.Key.Part, g.Key.Day, null, g.Sum(r => r.Amount)))))
            .Where(t => t.Item3.Amount != 0);
        await WriteAsync(programme.Year, totals, add: true, ct);
    }

    /// <summary>Writes rows in key order; <paramref name="add"/> adds to a total that is there.</summary>
    private async Task WriteAsync(int year, IEnumerable<(NodeScope Scope, Guid Node, Row Row)> rows, bool add, CancellationToken ct)
    {
        var list = rows.OrderBy(r => r.Scope).ThenBy(r => r.Node).ThenBy(r => r.Row.Measure, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Part).ThenBy(r => r.Row.Day).ToList();
        if (list.Count == 0) return;
        short[] scopes = [.. list.Select(r => (short)r.Scope)];
        Guid[] nodes = [.. list.Select(r => r.Node)];
        string[] measures = [.. list.Select(r => r.Row.Measure)];
        short[] parts = [.. list.Select(r => (short)r.Row.Part)];
        DateOnly[] days = [.. list.Select(r => r.Row.Day)];
        Guid?[] clusters = [.. list.Select(r => r.Row.ClusterId)];
        long[] amounts = [.. list.Select(r => r.Row.Amount)];
        if (add)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO board_tallies (year, scope, node_id, measure, part, day, cluster_id, amount)
                SELECT {year}, s, n, m, p, d, c, a FROM unnest({scopes}, {nodes}, {measures}, {parts}, {days}, {clusters}, {amounts}) AS t(s, n, m, p, d, c, a)
                ON CONFLICT (year, scope, node_id, measure, part, day) DO UPDATE SET amount = board_tallies.amount + excluded.amount
                """, ct);
        else
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO board_tallies (year, scope, node_id, measure, part, day, cluster_id, amount)
                SELECT {year}, s, n, m, p, d, c, a FROM unnest({scopes}, {nodes}, {measures}, {parts}, {days}, {clusters}, {amounts}) AS t(s, n, m, p, d, c, a)
                """, ct);
    }

    /// <summary>One row of a node's tallies: a step of a part of a measure, and the cluster it was attributed to.</summary>
    public sealed record Row(string Measure, TallyPart Part, DateOnly Day, Guid? ClusterId, long Amount);

    private async Task<ClusterHistory> HistoryAsync(Guid unit, CancellationToken ct)
    {
        var records = await db.UnitClusters.AsNoTracking().Where(r => r.UnitId == unit).ToListAsync(ct);
        var current = await db.Units.AsNoTracking().Where(u => u.Id == unit).Select(u => (Guid?)u.ClusterId).FirstOrDefaultAsync(ct);
        return new ClusterHistory(records, current ?? Guid.Empty);
    }

    /// <summary>The facts of a node for a programme year (a report's form counts its figures from them too).</summary>
    public async Task<NodeFacts> FactsAsync(TargetProgramme programme, BoardNode node, CancellationToken ct)
    {
        var year = programme.Year;
        var (level, organiser) = node.Scope switch
        {
            NodeScope.Unit => (OrganiserLevel.Unit, (Guid?)node.Id),
            NodeScope.ClusterOwn => (OrganiserLevel.Cluster, node.Id),
            _ => (OrganiserLevel.Bloc, (Guid?)null),
        };
        var activities = (await db.Activities.AsNoTracking()
                .Where(a => a.OrganiserLevel == level && a.OrganiserId == organiser && a.Year == year && a.Status == ActivityStatus.Held)
                .ToListAsync(ct))
            .Select(Fact).ToList();
        if (node.Scope != NodeScope.Unit) return new NodeFacts { Activities = activities };

        var unit = node.Id;
        var attendances = (await db.Participations.AsNoTracking()
                .Where(p => p.UnitId == unit && !p.Withdrawn && p.Attendance == Attendance.Attended)
                .Join(db.Activities.AsNoTracking().Where(a => a.Year == year && a.Status == ActivityStatus.Held), p => p.ActivityId, a => a.Id, (p, a) => new { p.MemberId, Activity = a })
                .ToListAsync(ct))
            .Select(x => (x.MemberId, Fact(x.Activity))).ToList();
        var ideas = await db.Ideas.AsNoTracking().Where(i => i.UnitId == unit && i.Year == year && i.CountedOn != null).Select(i => i.CountedOn!.Value).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking()
            .Where(m => m.UnitId == unit && m.EffectiveOn >= programme.StartsOn && m.EffectiveOn <= programme.EndsOn).ToListAsync(ct);
        var memberGrades = await db.MemberGrades.AsNoTracking().Where(g => g.UnitId == unit && g.Year == year).Select(g => new { g.Grade, g.EffectiveOn }).ToListAsync(ct);
        var unitGrades = await db.UnitGrades.AsNoTracking().Where(g => g.UnitId == unit && g.Year == year).Select(g => new { g.Grade, g.EffectiveOn }).ToListAsync(ct);
        var youths = await db.YouthCounts.AsNoTracking().Where(y => y.UnitId == unit).Select(y => new { y.CountedOn, y.Youths }).ToListAsync(ct);
        var quota = await db.IdeaQuotas.AsNoTracking().Where(q => q.UnitId == unit && q.Year == year).Select(q => (int?)q.Count).FirstOrDefaultAsync(ct);
        var history = await db.UnitClusters.AsNoTracking().Where(r => r.UnitId == unit).OrderBy(r => r.Version).ToListAsync(ct);

        return new NodeFacts
        {
            Activities = activities,
            Attendances = attendances,
            Ideas = ideas,
            Admissions = milestones.Where(m => m.Milestone == Milestone.Admitted).Select(m => m.EffectiveOn).ToList(),
            PartyRecommendations = milestones.Where(m => m.Milestone == Milestone.RecommendedToParty).Select(m => m.EffectiveOn).ToList(),
            MemberGrades = memberGrades.Select(g => (g.Grade, g.EffectiveOn)).ToList(),
            UnitGrades = unitGrades.Select(g => (g.Grade, g.EffectiveOn)).ToList(),
            Memberships = await MembershipsAsync(unit, ct),
            Reported = await ReportedAsync(programme, unit, ct),
            YouthCounts = youths.Select(y => (y.CountedOn, y.Youths)).ToList(),
            IdeaQuota = quota,
            // Membership does not say when a unit was founded (UnitCreated is dated by when it was recorded):
            // a unit counts among the open units from the year's start until it closed.
            Open = history.Count == 0 ? null : (programme.StartsOn, history[^1].ClosedOn),
        };
    }

    /// <summary>The stretches of days each member counted among the unit's members: a member's states in
    /// version order, each from its day to the next one's.</summary>
    private async Task<List<(DateOnly From, DateOnly? To)>> MembershipsAsync(Guid unit, CancellationToken ct)
    {
        var states = await db.MemberStates.AsNoTracking()
            .Where(s => db.MemberStates.Any(o => o.MemberId == s.MemberId && o.UnitId == unit))
            .OrderBy(s => s.MemberId).ThenBy(s => s.Version)
            .ToListAsync(ct);
        var periods = new List<(DateOnly, DateOnly?)>();
        foreach (var member in states.GroupBy(s => s.MemberId))
        {
            var list = member.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].UnitId != unit || !list[i].Counts) continue;
                DateOnly? to = i + 1 < list.Count ? Max(list[i + 1].EffectiveOn, list[i].EffectiveOn) : null;
                if (to != list[i].EffectiveOn) periods.Add((list[i].EffectiveOn, to));
            }
        }
        return periods;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The figures of the unit's year-to-date reports (the last version of each, unless returned).</summary>
    private async Task<List<(string, DateOnly, long)>> ReportedAsync(TargetProgramme programme, Guid unit, CancellationToken ct)
    {
        var cumulative = programme.Reports.Where(r => r.From == programme.StartsOn && r.To is not null).ToDictionary(r => r.Code, r => r.To!.Value);
        if (cumulative.Count == 0) return [];
        var codes = cumulative.Keys.ToArray();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Year == programme.Year && r.SubmitterId == unit && codes.Contains(r.Code) && r.State != Domain.Reports.ReportState.Returned)
            .ToListAsync(ct);
        return reports.SelectMany(r => r.Latest.Figures.Select(f => (f.Code, cumulative[r.Code], f.Value))).ToList();
    }

    private static ActivityFact Fact(ActivityRecord a) =>
        new(a.Id, a.Kind, a.Subtype, a.Flags, a.OrganiserLevel, a.EndsOn, a.Quantities);
}
