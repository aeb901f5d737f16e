using System.ComponentModel.DataAnnotations;
using DoanKhoi.Reporting.Domain.Programme;

namespace DoanKhoi.Reporting.Domain.Board;

// What the board says about a measure at one node on one day, from the node's tallies: its value against
// the goal, and the pace, what should have been reached by that day for the year to end on target, so
// that "behind" shows in June and not in November.

public enum BoardLevel
{
    Bloc,
    Cluster,
    Unit,
}

public enum FigureStatus
{
    /// <summary>The goal is reached (for "at most", not exceeded).</summary>
    Met,
    /// <summary>Not reached yet, but at or above the pace.</summary>
    OnTrack,
    /// <summary>Below the pace: what should have been reached by the day is not.</summary>
    Behind,
    /// <summary>An "at most" goal exceeded, or a goal not paced and not reached.</summary>
    NotMet,
    /// <summary>The node's part in a goal that is the bloc's (its contribution), or nothing to compare yet.</summary>
    Contribution,
}

/// <summary>One measure at one node on one day.</summary>
public sealed record MeasureFigure(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    bool IsShare,
    /// <summary>The count (or share, in %) compared with the goal.</summary>
    decimal? Value,
    /// <summary>What is counted: the activities, members, units or clusters that meet, the quantity.</summary>
    long Count,
    /// <summary>For a share, what it is a share of (members, youths, units, clusters).</summary>
    long? Base,
    decimal? GoalAtLeast,
    decimal? GoalAtMost,
    /// <summary>What should have been reached by the day (for "at least" goals that are paced).</summary>
    decimal? Expected,
    FigureStatus Status)
{
    /// <summary>Whether the measure is reached by each unit or cluster (then /missing lists who has not).</summary>
    public Each Each { get; init; }

    /// <summary>What the measure counts (its count's source): activities, quantity, attendances, ideas, … .</summary>
    [StringLength(TargetProgramme.CodeMaxLength)]
    public string Source { get; init; } = "";

    /// <summary>Whether /records lists what makes the figure (not for members, youths, inspections, reported figures).</summary>
    public bool HasRecords { get; init; }
}

/// <summary>The tallies of one node up to a day, and what the measures need beside them.</summary>
public sealed record NodeSums(
    IReadOnlyDictionary<(string Measure, TallyPart Part), long> Sums,
    /// <summary>For the bloc: the clusters whose count reaches the threshold, by measure ("each cluster").</summary>
    IReadOnlyDictionary<string, long> ClustersMeeting,
    long Clusters,
    /// <summary>For a unit: its quota of ideas.</summary>
    int? IdeaQuota)
{
    public long Get(string measure, TallyPart part) => Sums.GetValueOrDefault((measure, part));
}

public static class BoardFigures
{
    public static MeasureFigure Evaluate(TargetProgramme programme, MeasureDefinition m, BoardLevel level, NodeSums sums, DateOnly asOf) =>
        Figure(programme, m, level, sums, asOf) with
        {
            Each = m.Each,
            Source = m.Count.Source,
            HasRecords = m.Count.Source is FactSource.Activities or FactSource.Quantity or FactSource.Attendances or FactSource.Ideas
                or FactSource.Admissions or FactSource.PartyRecommendations or FactSource.MemberGrades or FactSource.UnitGrades,
        };

    private static MeasureFigure Figure(TargetProgramme programme, MeasureDefinition m, BoardLevel level, NodeSums sums, DateOnly asOf)
    {
        var count = sums.Get(m.Code, TallyPart.Count);
        var elapsed = programme.Elapsed(asOf);

        MeasureFigure Compared(decimal? value, long counted, long? of, decimal? least, decimal? most)
        {
            if (value is null) return new(m.Code, m.Name, m.IsShare, null, counted, of, least, most, null, FigureStatus.Contribution);
            if (most is { } max) return new(m.Code, m.Name, m.IsShare, value, counted, of, null, max, null, value <= max ? FigureStatus.Met : FigureStatus.NotMet);
            var goal = least!.Value;
            decimal? expected = m.Paced ? Math.Round(goal * elapsed, 2) : null;
            var status = value >= goal ? FigureStatus.Met
                : expected is { } e ? (value >= e ? FigureStatus.OnTrack : FigureStatus.Behind)
                : asOf >= programme.EndsOn ? FigureStatus.NotMet : FigureStatus.OnTrack;
            return new(m.Code, m.Name, m.IsShare, value, counted, of, goal, null, expected, status);
        }

        MeasureFigure Contribution(decimal? value, long counted, long? of) =>
            new(m.Code, m.Name, m.IsShare, value, counted, of, null, null, null, FigureStatus.Contribution);

        switch (m.Each)
        {
            case Each.Unit when level == BoardLevel.Unit:
            {
                // The unit itself: its count against its threshold (its quota, for ideas).
                var threshold = m.Quota == "ideas" && sums.IdeaQuota is { } quota ? quota : m.AtLeast ?? 1;
                return Compared(count, count, null, threshold, null) with { IsShare = false };
            }
            case Each.Unit:
            {
                var units = sums.Get(MeasureCounter.OpenUnits, TallyPart.Count);
                var meeting = sums.Get(m.Code, TallyPart.Meeting);
                return Compared(Share(meeting, units), meeting, units, m.Goal.AtLeast, m.Goal.AtMost);
            }
            case Each.Cluster when level == BoardLevel.Bloc:
            {
                var meeting = sums.ClustersMeeting.GetValueOrDefault(m.Code);
                return Compared(Share(meeting, sums.Clusters), meeting, sums.Clusters, m.Goal.AtLeast, m.Goal.AtMost);
            }
            case Each.Cluster when level == BoardLevel.Cluster:
                return Compared(count, count, null, m.AtLeast ?? 1, null) with { IsShare = false };
            case Each.Cluster:
                return Contribution(count, count, null) with { IsShare = false };
        }
        if (m.Of is not null)
        {
            var of = sums.Get(m.Code, TallyPart.Base);
            return Compared(Share(count, of), count, of, m.Goal.AtLeast, m.Goal.AtMost);
        }
        // A plain count: the bloc's goal; a cluster or a unit sees its contribution, except that an "at
        // most" goal (no member failing) holds at every level.
        return level == BoardLevel.Bloc || m.Goal.AtMost is not null
            ? Compared(count, count, null, m.Goal.AtLeast, m.Goal.AtMost)
            : Contribution(count, count, null);
    }

    /// <summary>The share in %, two decimals; none of nothing.</summary>
    public static decimal? Share(long part, long whole) => whole <= 0 ? null : Math.Round(100m * part / whole, 2);
}
