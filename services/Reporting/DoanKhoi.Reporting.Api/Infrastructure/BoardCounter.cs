using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
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
/// again gives the same steps (nothing to move). The nodes of a call are read together, a query per kind
/// of fact for all of them, and written together, so a batch of events costs a few statements, not a few per node.</summary>
public sealed class BoardCounter(ReportingDbContext db, ProgrammeStore programmes)
{
    /// <summary>Counts the nodes again, each for a programme year (every year when null).</summary>
    public Task RecountAsync(IReadOnlyCollection<(BoardNode Node, int? Year)> touched, CancellationToken ct) => RecountAsync(touched, null, ct);

    /// <summary>Counts the nodes again, each for a programme year (every year when null), only the parts of
    /// the measures counted from <paramref name="sources"/> (the facts that changed; all when null): a
    /// batch of attendances reads the units' attendances, not their members' histories and grades.</summary>
    public async Task RecountAsync(IReadOnlyCollection<(BoardNode Node, int? Year)> touched, IReadOnlySet<string>? sources, CancellationToken ct)
    {
        if (touched.Count == 0) return;
        var all = await programmes.AllAsync(db, ct);
        var work = touched.SelectMany(t => all.Where(p => t.Year is null || p.Year == t.Year).Select(p => (t.Node, Programme: p)))
            .Distinct().ToList();
        if (work.Count == 0) return;
        // One node is counted by one transaction at a time (two batches touching a unit take turns);
        // the ids are locked at once and in order, after the facts' records, so no two transactions wait on each other.
        await db.LockRecordsAsync(work.Select(w => NodeLock(w.Node)), ct);
        var totals = new Dictionary<TotalKey, long>();
        foreach (var year in work.GroupBy(w => w.Programme).OrderBy(g => g.Key.Year))
        {
            await RecountAsync(year.Key, [.. year.Select(w => w.Node).Distinct()], sources, totals, ct);
            await ClustersMeetingAsync(year.Key, [.. year.Where(w => w.Node.Scope == NodeScope.ClusterOwn).Select(w => w.Node.Id)], totals, ct);
        }
        // The totals are written last, once for all the nodes and in key order: two transactions moving the
        // same cluster's or the bloc's rows lock them in the same order.
        await WriteAsync(totals.Where(t => t.Value != 0)
            .Select(t => (t.Key.Year, t.Key.Scope, t.Key.Node, new Row(t.Key.Measure, t.Key.Part, t.Key.Day, null, t.Value))), add: true, ct);
    }

    private static Guid NodeLock(BoardNode node) => node.Scope == NodeScope.BlocOwn ? new Guid("b10cb10c-0000-0000-0000-000000000000") : node.Id;

    private readonly record struct TotalKey(int Year, NodeScope Scope, Guid Node, string Measure, TallyPart Part, DateOnly Day);

    private async Task RecountAsync(TargetProgramme programme, IReadOnlyList<BoardNode> nodes, IReadOnlySet<string>? sources,
        Dictionary<TotalKey, long> totals, CancellationToken ct)
    {
        var parts = sources is null ? null : MeasureCounter.PartsFrom(programme, sources);
        if (parts is { Count: 0 }) return;
        var facts = await FactsAsync(programme, nodes, sources, ct);
        var histories = await HistoriesAsync([.. nodes.Where(n => n.Scope == NodeScope.Unit).Select(n => n.Id)], ct);
        var stored = await StoredAsync(programme.Year, nodes, parts, ct);
        var changed = new List<BoardNode>();
        var written = new List<(int, NodeScope, Guid, Row)>();
        foreach (var node in nodes)
        {
            var counted = MeasureCounter.Count(programme, node.Scope, facts[node]);
            var fresh = counted.Where(c => parts is null || parts.Contains(c.Key)).SelectMany(c => c.Value.Select(s => new Row(c.Key.Measure, c.Key.Part, s.Day,
                    node.Scope switch { NodeScope.Unit => histories[node.Id].On(s.Day), NodeScope.ClusterOwn => node.Id, _ => (Guid?)null }, s.Amount)))
                .ToList();
            var old = stored.TryGetValue(node, out var rows) ? rows : [];
            if (old.Count == fresh.Count && old.ToHashSet().SetEquals(fresh)) continue;
            changed.Add(node);
            written.AddRange(fresh.Select(r => (programme.Year, node.Scope, node.Id, r)));
            // The totals move by the difference: each day's change, for the cluster the node was in that day and the bloc.
            foreach (var r in fresh.Concat(old.Select(r => r with { Amount = -r.Amount })))
            {
                if (r.ClusterId is { } cluster && cluster != Guid.Empty) Add(new(programme.Year, NodeScope.Cluster, cluster, r.Measure, r.Part, r.Day), r.Amount);
                Add(new(programme.Year, NodeScope.Bloc, Guid.Empty, r.Measure, r.Part, r.Day), r.Amount);
            }
        }
        if (changed.Count == 0) return;
        short[] scopes = [.. changed.Select(n => (short)n.Scope)];
        Guid[] ids = [.. changed.Select(n => n.Id)];
        if (parts is null)
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM board_tallies t USING unnest({scopes}, {ids}) AS n(scope, node_id)
                WHERE t.year = {programme.Year} AND t.scope = n.scope AND t.node_id = n.node_id
                """, ct);
        else
        {
            string[] measures = [.. parts.Select(p => p.Measure)];
            short[] measureParts = [.. parts.Select(p => (short)p.Part)];
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM board_tallies t USING unnest({scopes}, {ids}) AS n(scope, node_id)
                WHERE t.year = {programme.Year} AND t.scope = n.scope AND t.node_id = n.node_id
                  AND (t.measure, t.part) IN (SELECT * FROM unnest({measures}, {measureParts}))
                """, ct);
        }
        await WriteAsync(written, add: false, ct);

        void Add(TotalKey key, long amount) => totals[key] = totals.GetValueOrDefault(key) + amount;
    }

    /// <summary>For the measures each cluster is to reach ("each cluster at least one"), a cluster's total
    /// has its Meeting steps too (1 from the day its count reached the threshold), and the bloc their sum:
    /// the bloc's board reads how many clusters meet a measure from a few rows, not from every cluster's
    /// tallies. They are counted again for the clusters whose count of such a measure moves in this
    /// transaction, and for those counted again themselves (a changed threshold), under a lock of the
    /// cluster's own (two transactions moving one cluster take turns, and the second sees the first's).</summary>
    private async Task ClustersMeetingAsync(TargetProgramme programme, IReadOnlyCollection<Guid> recounted, Dictionary<TotalKey, long> totals, CancellationToken ct)
    {
        var each = programme.Measures.Where(m => m.Each == Each.Cluster).ToDictionary(m => m.Code);
        if (each.Count == 0) return;
        Guid[] clusters = [.. totals.Keys
            .Where(k => k.Year == programme.Year && k.Scope == NodeScope.Cluster && k.Part == TallyPart.Count && each.ContainsKey(k.Measure) && totals[k] != 0)
            .Select(k => k.Node).Concat(recounted).Distinct().Order()];
        if (clusters.Length == 0) return;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('board-meeting:' || id::text, 0)) FROM unnest({clusters}) AS id", ct);
        string[] codes = [.. each.Keys];
        var stored = (await db.Database.SqlQuery<StoredRow>($"""
                SELECT scope, node_id, measure, part, day, cluster_id, amount FROM board_tallies
                WHERE year = {programme.Year} AND scope = {(short)NodeScope.Cluster} AND node_id = ANY({clusters}) AND measure = ANY({codes})
                  AND part IN ({(short)TallyPart.Count}, {(short)TallyPart.Meeting})
                """).ToListAsync(ct))
            .ToLookup(r => (r.NodeId, r.Measure, (TallyPart)r.Part));
        // This transaction's moves of those counts, read once (not once per cluster and measure).
        var moving = totals.Where(t => t.Key.Year == programme.Year && t.Key.Scope == NodeScope.Cluster && t.Key.Part == TallyPart.Count && each.ContainsKey(t.Key.Measure))
            .ToLookup(t => (t.Key.Node, t.Key.Measure), t => new Step(t.Key.Day, t.Value));
        foreach (var cluster in clusters)
            foreach (var measure in each.Values)
            {
                // The count as it will be once this transaction's moves are added, then its Meeting steps against those stored.
                var count = stored[(cluster, measure.Code, TallyPart.Count)].Select(r => new Step(r.Day, r.Amount)).Concat(moving[(cluster, measure.Code)]);
                var fresh = MeasureCounter.Meeting(programme, count, measure.AtLeast ?? 1);
                var moves = fresh.Concat(stored[(cluster, measure.Code, TallyPart.Meeting)].Select(r => new Step(r.Day, -r.Amount)))
                    .GroupBy(s => s.Day).Select(g => new Step(g.Key, g.Sum(s => s.Amount))).Where(s => s.Amount != 0);
                foreach (var move in moves)
                {
                    Add(new(programme.Year, NodeScope.Cluster, cluster, measure.Code, TallyPart.Meeting, move.Day), move.Amount);
                    Add(new(programme.Year, NodeScope.Bloc, Guid.Empty, measure.Code, TallyPart.Meeting, move.Day), move.Amount);
                }
            }

        void Add(TotalKey key, long amount) => totals[key] = totals.GetValueOrDefault(key) + amount;
    }

    /// <summary>The tallies the nodes have now (of those parts, when given), by node.</summary>
    private async Task<Dictionary<BoardNode, List<Row>>> StoredAsync(int year, IReadOnlyList<BoardNode> nodes, HashSet<(string Measure, TallyPart Part)>? parts,
        CancellationToken ct)
    {
        short[] scopes = [.. nodes.Select(n => (short)n.Scope)];
        Guid[] ids = [.. nodes.Select(n => n.Id)];
        var rows = await db.Database.SqlQuery<StoredRow>($"""
            SELECT t.scope, t.node_id, t.measure, t.part, t.day, t.cluster_id, t.amount
            FROM board_tallies t JOIN unnest({scopes}, {ids}) AS n(scope, node_id) ON t.scope = n.scope AND t.node_id = n.node_id
            WHERE t.year = {year}
            """).ToListAsync(ct);
        return rows.Where(r => parts is null || parts.Contains((r.Measure, (TallyPart)r.Part))).GroupBy(r => new BoardNode((NodeScope)r.Scope, r.NodeId))
            .ToDictionary(g => g.Key, g => g.Select(r => new Row(r.Measure, (TallyPart)r.Part, r.Day, r.ClusterId, r.Amount)).ToList());
    }

    private sealed record StoredRow(short Scope, Guid NodeId, string Measure, short Part, DateOnly Day, Guid? ClusterId, long Amount);

    /// <summary>Writes rows in key order; <paramref name="add"/> adds to a total that is there.</summary>
    private async Task WriteAsync(IEnumerable<(int Year, NodeScope Scope, Guid Node, Row Row)> rows, bool add, CancellationToken ct)
    {
        var list = rows.OrderBy(r => r.Year).ThenBy(r => r.Scope).ThenBy(r => r.Node).ThenBy(r => r.Row.Measure, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Part).ThenBy(r => r.Row.Day).ToList();
        if (list.Count == 0) return;
        int[] years = [.. list.Select(r => r.Year)];
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
                SELECT y, s, n, m, p, d, c, a FROM unnest({years}, {scopes}, {nodes}, {measures}, {parts}, {days}, {clusters}, {amounts}) AS t(y, s, n, m, p, d, c, a)
                ON CONFLICT (year, scope, node_id, measure, part, day) DO UPDATE SET amount = board_tallies.amount + excluded.amount
                """, ct);
        else
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO board_tallies (year, scope, node_id, measure, part, day, cluster_id, amount)
                SELECT y, s, n, m, p, d, c, a FROM unnest({years}, {scopes}, {nodes}, {measures}, {parts}, {days}, {clusters}, {amounts}) AS t(y, s, n, m, p, d, c, a)
                """, ct);
    }

    /// <summary>One row of a node's tallies: a step of a part of a measure, and the cluster it was attributed to.</summary>
    public sealed record Row(string Measure, TallyPart Part, DateOnly Day, Guid? ClusterId, long Amount);

    /// <summary>Which cluster each unit was in on each day.</summary>
    private async Task<Dictionary<Guid, ClusterHistory>> HistoriesAsync(Guid[] units, CancellationToken ct)
    {
        if (units.Length == 0) return [];
        var records = (await db.UnitClusters.AsNoTracking().Where(r => units.Contains(r.UnitId)).ToListAsync(ct)).ToLookup(r => r.UnitId);
        var current = await db.Units.AsNoTracking().Where(u => units.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ClusterId, ct);
        return units.ToDictionary(u => u, u => new ClusterHistory(records[u], current.TryGetValue(u, out var c) ? c : Guid.Empty));
    }

    /// <summary>The facts of a node for a programme year (a report's form counts its figures from them too).</summary>
    public async Task<NodeFacts> FactsAsync(TargetProgramme programme, BoardNode node, CancellationToken ct) =>
        (await FactsAsync(programme, [node], null, ct))[node];

    /// <summary>The facts of nodes for a programme year, each kind of fact read once for all of them; only
    /// those of <paramref name="sources"/> when given (the others are left empty).</summary>
    private async Task<Dictionary<BoardNode, NodeFacts>> FactsAsync(TargetProgramme programme, IReadOnlyCollection<BoardNode> nodes,
        IReadOnlySet<string>? sources, CancellationToken ct)
    {
        bool Reads(params string[] of) => sources is null || of.Any(sources.Contains);
        var year = programme.Year;
        var held = db.Activities.AsNoTracking().Where(a => a.Year == year && a.Status == ActivityStatus.Held);
        Guid?[] units = [.. nodes.Where(n => n.Scope == NodeScope.Unit).Select(n => (Guid?)n.Id).Distinct()];
        Guid?[] clusters = [.. nodes.Where(n => n.Scope == NodeScope.ClusterOwn).Select(n => (Guid?)n.Id).Distinct()];
        var organised = new List<ActivityView>();
        if (Reads(FactSource.Activities, FactSource.Quantity))
        {
            if (units.Length > 0) organised.AddRange(await Views(held.Where(a => a.OrganiserLevel == OrganiserLevel.Unit && units.Contains(a.OrganiserId))).ToListAsync(ct));
            if (clusters.Length > 0) organised.AddRange(await Views(held.Where(a => a.OrganiserLevel == OrganiserLevel.Cluster && clusters.Contains(a.OrganiserId))).ToListAsync(ct));
            if (nodes.Any(n => n.Scope == NodeScope.BlocOwn)) organised.AddRange(await Views(held.Where(a => a.OrganiserLevel == OrganiserLevel.Bloc)).ToListAsync(ct));
        }
        var byOrganiser = organised.ToLookup(a => BoardNode.Organiser(a.OrganiserLevel, a.OrganiserId), a => a.Fact);

        // K14 is the bloc's own: what its inspection committee concluded and sent, counted on the bloc's node.
        var inspections = !Reads(FactSource.Inspections) || !nodes.Contains(BoardNode.Bloc) ? []
            : (await db.InspectionRecords.AsNoTracking().Where(r => r.Year == year && r.CountedOn != null)
                .Select(r => new { r.Kind, Day = r.CountedOn!.Value }).ToListAsync(ct)).Select(r => (r.Kind, r.Day)).ToList();
        var result = nodes.Distinct().ToDictionary(n => n, n => new NodeFacts
        {
            Activities = [.. byOrganiser[n]], Inspections = n == BoardNode.Bloc ? inspections : [],
        });
        if (units.Length == 0) return result;
        var unitIds = units.Select(u => u!.Value).ToArray();

        // A unit's attendances, then the held activities of the year they were at: two index lookups, where
        // a join lets the planner hash every held activity of the year for one unit's few hundred rows.
        var attendances = !Reads(FactSource.Attendances) ? [] : await db.Participations.AsNoTracking()
            .Where(p => unitIds.Contains(p.UnitId) && !p.Withdrawn && p.Attendance == Attendance.Attended)
            .Select(p => new { p.UnitId, p.MemberId, p.ActivityId }).ToListAsync(ct);
        Guid[] attendedIds = [.. attendances.Select(a => a.ActivityId).Distinct()];
        var attended = attendedIds.Length == 0 ? []
            : await Views(held.Where(a => attendedIds.Contains(a.Id))).ToDictionaryAsync(a => a.Id, a => a.Fact, ct);
        var attendancesOf = attendances.Where(a => attended.ContainsKey(a.ActivityId)).ToLookup(a => a.UnitId, a => (a.MemberId, attended[a.ActivityId]));

        var ideas = !Reads(FactSource.Ideas) ? None<Guid, DateOnly>() : (await db.Ideas.AsNoTracking()
            .Where(i => unitIds.Contains(i.UnitId) && i.Year == year && i.CountedOn != null)
            .Select(i => new { i.UnitId, Day = i.CountedOn!.Value }).ToListAsync(ct)).ToLookup(i => i.UnitId, i => i.Day);
        var quotas = !Reads(FactSource.Ideas) ? [] : await db.IdeaQuotas.AsNoTracking()
            .Where(q => unitIds.Contains(q.UnitId) && q.Year == year).ToDictionaryAsync(q => q.UnitId, q => q.Count, ct);
        var milestones = !Reads(FactSource.Admissions, FactSource.PartyRecommendations) ? None<(Guid, Milestone), DateOnly>() : (await db.Milestones.AsNoTracking()
            .Where(m => unitIds.Contains(m.UnitId) && m.EffectiveOn >= programme.StartsOn && m.EffectiveOn <= programme.EndsOn)
            .Select(m => new { m.UnitId, m.Milestone, m.EffectiveOn }).ToListAsync(ct)).ToLookup(m => (m.UnitId, m.Milestone), m => m.EffectiveOn);
        var memberGrades = !Reads(FactSource.MemberGrades) ? None<Guid, (Grade, DateOnly)>() : (await db.MemberGrades.AsNoTracking()
            .Where(g => unitIds.Contains(g.UnitId) && g.Year == year)
            .Select(g => new { g.UnitId, g.Grade, g.EffectiveOn }).ToListAsync(ct)).ToLookup(g => g.UnitId, g => (g.Grade, g.EffectiveOn));
        var unitGrades = !Reads(FactSource.UnitGrades) ? None<Guid, (Grade, DateOnly)>() : (await db.UnitGrades.AsNoTracking()
            .Where(g => unitIds.Contains(g.UnitId) && g.Year == year)
            .Select(g => new { g.UnitId, g.Grade, g.EffectiveOn }).ToListAsync(ct)).ToLookup(g => g.UnitId, g => (g.Grade, g.EffectiveOn));
        var youths = !Reads(FactSource.Youths) ? None<Guid, (DateOnly, int)>() : (await db.YouthCounts.AsNoTracking().Where(y => unitIds.Contains(y.UnitId))
            .Select(y => new { y.UnitId, y.CountedOn, y.Youths }).ToListAsync(ct)).ToLookup(y => y.UnitId, y => (y.CountedOn, y.Youths));
        // The open units ($units) are counted from the units' history, on a whole count only.
        var history = sources is not null ? None<Guid, UnitClusterRecord>()
            : (await db.UnitClusters.AsNoTracking().Where(r => unitIds.Contains(r.UnitId)).OrderBy(r => r.Version).ToListAsync(ct)).ToLookup(r => r.UnitId);
        var memberships = !Reads(FactSource.Members) ? None<Guid, (DateOnly, DateOnly?)>() : await MembershipsAsync(unitIds, ct);
        var reported = !Reads(FactSource.Reported) ? None<Guid, (string, DateOnly, long)>() : await ReportedAsync(programme, unitIds, ct);

        foreach (var unit in unitIds)
        {
            var unitHistory = history[unit].ToList();
            result[BoardNode.Unit(unit)] = new NodeFacts
            {
                Activities = [.. byOrganiser[BoardNode.Unit(unit)]],
                Attendances = [.. attendancesOf[unit]],
                Ideas = [.. ideas[unit]],
                Admissions = [.. milestones[(unit, Milestone.Admitted)]],
                PartyRecommendations = [.. milestones[(unit, Milestone.RecommendedToParty)]],
                MemberGrades = [.. memberGrades[unit]],
                UnitGrades = [.. unitGrades[unit]],
                Memberships = [.. memberships[unit]],
                Reported = [.. reported[unit]],
                YouthCounts = [.. youths[unit]],
                IdeaQuota = quotas.TryGetValue(unit, out var quota) ? quota : null,
                // Membership does not say when a unit was founded (UnitCreated is dated by when it was recorded):
                // a unit counts among the open units from the year's start until it closed.
                Open = unitHistory.Count == 0 ? null : (programme.StartsOn, unitHistory[^1].ClosedOn),
            };
        }
        return result;
    }

    private static ILookup<TKey, TValue> None<TKey, TValue>() => Array.Empty<(TKey Key, TValue Value)>().ToLookup(x => x.Key, x => x.Value);

    /// <summary>What the board reads of an activity: who organised it and what it counts as.</summary>
    private sealed record ActivityView(Guid Id, OrganiserLevel OrganiserLevel, Guid? OrganiserId, string Kind, string? Subtype,
        List<string> Flags, DateOnly EndsOn, Dictionary<string, int> Quantities)
    {
        public ActivityFact Fact => new(Id, Kind, Subtype, Flags, OrganiserLevel, EndsOn, Quantities);
    }

    private static IQueryable<ActivityView> Views(IQueryable<ActivityRecord> activities) =>
        activities.Select(a => new ActivityView(a.Id, a.OrganiserLevel, a.OrganiserId, a.Kind, a.Subtype, a.Flags, a.EndsOn, a.Quantities));

    /// <summary>The stretches of days each member counted among each unit's members: a member's states in
    /// version order, each from its day to the next one's.</summary>
    private async Task<ILookup<Guid, (DateOnly From, DateOnly? To)>> MembershipsAsync(Guid[] units, CancellationToken ct)
    {
        // The members who were ever in the units, then all their states: two index lookups.
        Guid[] members = [.. await db.MemberStates.AsNoTracking().Where(s => units.Contains(s.UnitId)).Select(s => s.MemberId).Distinct().ToListAsync(ct)];
        if (members.Length == 0) return None<Guid, (DateOnly, DateOnly?)>();
        var states = await db.MemberStates.AsNoTracking()
            .Where(s => members.Contains(s.MemberId))
            .OrderBy(s => s.MemberId).ThenBy(s => s.Version)
            .ToListAsync(ct);
        var wanted = units.ToHashSet();
        var periods = new List<(Guid Unit, (DateOnly, DateOnly?) Period)>();
        foreach (var member in states.GroupBy(s => s.MemberId))
        {
            var list = member.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                if (!wanted.Contains(list[i].UnitId) || !list[i].Counts) continue;
                DateOnly? to = i + 1 < list.Count ? Max(list[i + 1].EffectiveOn, list[i].EffectiveOn) : null;
                if (to != list[i].EffectiveOn) periods.Add((list[i].UnitId, (list[i].EffectiveOn, to)));
            }
        }
        return periods.ToLookup(p => p.Unit, p => p.Period);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>The figures of the units' year-to-date reports (the last version of each, unless returned).</summary>
    private async Task<ILookup<Guid, (string, DateOnly, long)>> ReportedAsync(TargetProgramme programme, Guid[] units, CancellationToken ct)
    {
        var cumulative = programme.Reports.Where(r => r.From == programme.StartsOn && r.To is not null).ToDictionary(r => r.Code, r => r.To!.Value);
        if (cumulative.Count == 0) return None<Guid, (string, DateOnly, long)>();
        var codes = cumulative.Keys.ToArray();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Year == programme.Year && units.Contains(r.SubmitterId) && codes.Contains(r.Code) && r.State != Domain.Reports.ReportState.Returned)
            .ToListAsync(ct);
        return reports.SelectMany(r => r.Latest.Figures.Select(f => (r.SubmitterId, Figure: (f.Code, cumulative[r.Code], f.Value))))
            .ToLookup(r => r.SubmitterId, r => r.Figure);
    }
}
