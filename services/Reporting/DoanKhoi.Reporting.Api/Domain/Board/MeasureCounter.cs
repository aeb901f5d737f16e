using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Domain.Programme;

namespace DoanKhoi.Reporting.Domain.Board;

// How a node's facts become the board's figures. Every figure of a node is a step function of the day:
// what it was on any day of the year is the sum of its steps up to that day ("as of" a date). A node's
// steps are always counted again from its facts, never bumped, so a fact applied twice or corrected
// later leaves the same steps; the board's totals for clusters and the bloc change by the difference
// between a node's old steps and its new ones (BoardCounter).

/// <summary>Where a node's own figures sit in the tree: a unit's facts, or what a cluster or the bloc organised itself.</summary>
public enum NodeScope : short
{
    Unit = 0,
    /// <summary>What a cluster organised itself (cluster-level activities).</summary>
    ClusterOwn = 1,
    /// <summary>What the bloc organised itself (bloc-level activities).</summary>
    BlocOwn = 2,
    /// <summary>A cluster's total: its own and its units' (as the units were attributed on each day).</summary>
    Cluster = 3,
    /// <summary>The bloc's total.</summary>
    Bloc = 4,
}

/// <summary>Which part of a measure a step counts.</summary>
public enum TallyPart : short
{
    /// <summary>What the measure counts.</summary>
    Count = 0,
    /// <summary>What it is a share of ("of").</summary>
    Base = 1,
    /// <summary>For "each unit": the unit reached its threshold (1 from that day).</summary>
    Meeting = 2,
}

/// <summary>A node of the board whose figures are counted from its own facts.</summary>
public readonly record struct BoardNode(NodeScope Scope, Guid Id)
{
    public static readonly BoardNode Bloc = new(NodeScope.BlocOwn, Guid.Empty);
    public static BoardNode Unit(Guid id) => new(NodeScope.Unit, id);
    public static BoardNode Cluster(Guid id) => new(NodeScope.ClusterOwn, id);

    public static BoardNode Organiser(OrganiserLevel level, Guid? id) => level switch
    {
        OrganiserLevel.Bloc => Bloc,
        OrganiserLevel.Cluster => Cluster(id!.Value),
        _ => Unit(id!.Value),
    };
}

/// <summary>A change of a figure from a day on.</summary>
public readonly record struct Step(DateOnly Day, long Amount);

/// <summary>An activity as the board counts it: held, of a kind, on its last day.</summary>
public sealed record ActivityFact(Guid Id, string Kind, string? Subtype, IReadOnlyCollection<string> Flags, OrganiserLevel Organiser,
    DateOnly Day, IReadOnlyDictionary<string, int> Quantities)
{
    public bool Matches(FactCount count) =>
        (count.Kinds is not { Count: > 0 } || count.Kinds.Contains(Kind))
        && (count.Subtypes is not { Count: > 0 } || (Subtype is not null && count.Subtypes.Contains(Subtype)))
        && (count.Flags is not { Count: > 0 } || count.Flags.Any(Flags.Contains))
        && (count.Organisers is not { Count: > 0 } || count.Organisers.Contains(Organiser.ToString().ToLowerInvariant()));
}

/// <summary>Everything a node's figures for one programme year are counted from.</summary>
public sealed class NodeFacts
{
    public List<ActivityFact> Activities { get; init; } = [];
    /// <summary>The unit's members' attendances (attended), with the activity attended.</summary>
    public List<(Guid MemberId, ActivityFact Activity)> Attendances { get; init; } = [];
    public List<DateOnly> Ideas { get; init; } = [];
    public List<DateOnly> Admissions { get; init; } = [];
    public List<DateOnly> PartyRecommendations { get; init; } = [];
    public List<(Grade Grade, DateOnly Day)> MemberGrades { get; init; } = [];
    public List<(Grade Grade, DateOnly Day)> UnitGrades { get; init; } = [];
    /// <summary>Each stretch of days a member counted among the unit's members (To exclusive, null: still).</summary>
    public List<(DateOnly From, DateOnly? To)> Memberships { get; init; } = [];
    /// <summary>The unit's youth counts, each from its day.</summary>
    public List<(DateOnly Day, int Youths)> YouthCounts { get; init; } = [];
    /// <summary>The figures the unit sent in its year-to-date reports (those whose period starts with the
    /// year: Q1, six months, nine months, annual), each at the last day of its period.</summary>
    public List<(string Figure, DateOnly Day, long Value)> Reported { get; init; } = [];
    /// <summary>What the bloc's inspection committee counts toward K14 (the bloc's own node only): each
    /// concluded inspection or supervision and each social-critique item sent, by kind, on its day.</summary>
    public List<(string Kind, DateOnly Day)> Inspections { get; init; } = [];
    public int? IdeaQuota { get; init; }
    /// <summary>The unit's open days: from (its creation) and to (its closing, exclusive).</summary>
    public (DateOnly From, DateOnly? To)? Open { get; init; }
}

/// <summary>Counts a node's steps for every measure of a programme.</summary>
public static class MeasureCounter
{
    /// <summary>The measure that counts the open units (the base of every "each unit" share).</summary>
    public const string OpenUnits = "$units";

    /// <summary>Every step of the node, by measure and part, merged by day, zeros left out.</summary>
    public static Dictionary<(string Measure, TallyPart Part), List<Step>> Count(TargetProgramme programme, NodeScope scope, NodeFacts facts)
    {
        var result = new Dictionary<(string, TallyPart), List<Step>>();
        void Put(string measure, TallyPart part, IEnumerable<Step> steps)
        {
            var merged = Merge(programme, steps);
            if (merged.Count > 0) result[(measure, part)] = merged;
        }

        if (scope == NodeScope.Unit && facts.Open is { } open)
            Put(OpenUnits, TallyPart.Count, Period(open.From, open.To));
        foreach (var measure in programme.Measures)
        {
            var count = Merge(programme, Steps(programme, measure.Count, facts));
            Put(measure.Code, TallyPart.Count, count);
            if (measure.Of is { } of) Put(measure.Code, TallyPart.Base, Steps(programme, of, facts));
            if (measure.Each == Each.Unit && scope == NodeScope.Unit)
            {
                var threshold = measure.Quota == "ideas" && facts.IdeaQuota is { } quota ? quota : measure.AtLeast ?? 1;
                Put(measure.Code, TallyPart.Meeting, Reaching(programme, count, threshold));
            }
        }
        return result;
    }

    /// <summary>The parts of the programme's measures that are counted from these sources (a unit's
    /// Meeting of a measure with its count): all a change of those facts can move.</summary>
    public static HashSet<(string Measure, TallyPart Part)> PartsFrom(TargetProgramme programme, IReadOnlySet<string> sources)
    {
        var parts = new HashSet<(string, TallyPart)>();
        foreach (var measure in programme.Measures)
        {
            if (sources.Contains(measure.Count.Source))
            {
                parts.Add((measure.Code, TallyPart.Count));
                if (measure.Each == Each.Unit) parts.Add((measure.Code, TallyPart.Meeting));
            }
            if (measure.Of is { } of && sources.Contains(of.Source)) parts.Add((measure.Code, TallyPart.Base));
        }
        return parts;
    }

    /// <summary>The steps of one count over the node's facts, unmerged.</summary>
    public static IEnumerable<Step> Steps(TargetProgramme programme, FactCount count, NodeFacts facts) => count.Source switch
    {
        FactSource.Activities => facts.Activities.Where(a => a.Matches(count)).Select(a => new Step(a.Day, 1)),
        FactSource.Quantity => facts.Activities.Where(a => a.Matches(count))
            .Select(a => new Step(a.Day, a.Quantities.GetValueOrDefault(count.Quantity!))),
        FactSource.Attendances when count.PerMember is { } n => facts.Attendances.Where(a => a.Activity.Matches(count))
            .GroupBy(a => a.MemberId)
            .Select(member => member.DistinctBy(a => a.Activity.Id).Select(a => a.Activity.Day).Order().ToList())
            .Where(days => days.Count >= n)
            .Select(days => new Step(days[n - 1], 1)),
        FactSource.Attendances => facts.Attendances.Where(a => a.Activity.Matches(count)).DistinctBy(a => (a.MemberId, a.Activity.Id))
            .Select(a => new Step(a.Activity.Day, 1)),
        FactSource.Ideas => facts.Ideas.Select(day => new Step(day, 1)),
        FactSource.Admissions => facts.Admissions.Select(day => new Step(day, 1)),
        FactSource.PartyRecommendations => facts.PartyRecommendations.Select(day => new Step(day, 1)),
        FactSource.MemberGrades => facts.MemberGrades.Where(g => IsOf(g.Grade, count)).Select(g => new Step(g.Day, 1)),
        FactSource.UnitGrades => facts.UnitGrades.Where(g => IsOf(g.Grade, count)).Select(g => new Step(g.Day, 1)),
        FactSource.Members => facts.Memberships.SelectMany(m => Period(m.From, m.To)),
        FactSource.Youths => YouthSteps(facts.YouthCounts),
        FactSource.Reported => ReportedSteps(facts.Reported.Where(r => r.Figure == count.Figure)),
        FactSource.Inspections => facts.Inspections.Where(i => count.InspectionKinds is not { Count: > 0 } || count.InspectionKinds.Contains(i.Kind))
            .Select(i => new Step(i.Day, 1)),
        _ => [], // inspections (the inspection service), reported figures (the reports)
    };

    private static bool IsOf(Grade grade, FactCount count) =>
        count.Grades is not { Count: > 0 } || count.Grades.Contains(grade.ToString().ToLowerInvariant());

    private static IEnumerable<Step> Period(DateOnly from, DateOnly? to)
    {
        yield return new Step(from, 1);
        if (to is { } end) yield return new Step(end, -1);
    }

    private static IEnumerable<Step> YouthSteps(IEnumerable<(DateOnly Day, int Youths)> counts)
    {
        var previous = 0;
        foreach (var (day, youths) in counts.OrderBy(c => c.Day))
        {
            yield return new Step(day, youths - previous);
            previous = youths;
        }
    }

    /// <summary>A year-to-date figure as steps: each report's value less the one before it, so that a figure
    /// sent in Q1 and again in the six-month report counts once.</summary>
    private static IEnumerable<Step> ReportedSteps(IEnumerable<(string Figure, DateOnly Day, long Value)> reported)
    {
        long previous = 0;
        foreach (var (_, day, value) in reported.OrderBy(r => r.Day))
        {
            yield return new Step(day, value - previous);
            previous = value;
        }
    }

    /// <summary>The steps of reaching <paramref name="threshold"/> over a count's steps (any order, days repeated):
    /// 1 from the day its running total reaches it, -1 from a day it falls below again.</summary>
    public static List<Step> Meeting(TargetProgramme programme, IEnumerable<Step> count, int threshold) =>
        Merge(programme, Reaching(programme, Merge(programme, count), threshold));

    /// <summary>1 from the day the running total first reaches <paramref name="threshold"/> (and 0 again
    /// if it falls below, which only a correction does).</summary>
    private static IEnumerable<Step> Reaching(TargetProgramme programme, IReadOnlyList<Step> count, int threshold)
    {
        if (threshold <= 0) { yield return new Step(programme.StartsOn, 1); yield break; }
        long total = 0;
        var meeting = false;
        foreach (var step in count)
        {
            total += step.Amount;
            if (total >= threshold != meeting)
            {
                meeting = !meeting;
                yield return new Step(step.Day, meeting ? 1 : -1);
            }
        }
    }

    /// <summary>Steps within the programme's year, by day: a day before it counts from its first day,
    /// after it not at all; amounts of one day added, zeros dropped.</summary>
    private static List<Step> Merge(TargetProgramme programme, IEnumerable<Step> steps) =>
        steps.Where(s => s.Day <= programme.EndsOn)
            .GroupBy(s => s.Day < programme.StartsOn ? programme.StartsOn : s.Day)
            .Select(g => new Step(g.Key, g.Sum(s => s.Amount)))
            .Where(s => s.Amount != 0)
            .OrderBy(s => s.Day)
            .ToList();
}

/// <summary>A row of the board: a step of one part of one measure, on a day, of a node (its own facts)
/// or of a total (a cluster's or the bloc's). The cluster a unit's step was attributed to is kept with it.</summary>
public sealed class Tally
{
    private Tally() { }

    public int Year { get; private set; }
    public NodeScope Scope { get; private set; }
    public Guid NodeId { get; private set; }
    public string Measure { get; private set; } = "";
    public TallyPart Part { get; private set; }
    public DateOnly Day { get; private set; }
    public Guid? ClusterId { get; private set; }
    public long Amount { get; private set; }
}
