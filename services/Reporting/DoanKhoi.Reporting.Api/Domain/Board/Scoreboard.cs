using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;

namespace DoanKhoi.Reporting.Domain.Board;

// The emulation scoreboard (seed 8, VII): each unit and each cluster scored on the year's targets and on
// the punctuality of its reports, weighted as the programme says. A target scores by the measures that have a
// goal at that level (a unit is not scored on the bloc's 4,500 trees, only on its own shares and thresholds):
// the average of their progress towards the goal (capped at the goal; an "at most" goal is 1 or 0), times the
// target's weight. Punctuality scores the share of due reports that arrived on time, times its weight. What
// inspections left open weighs on a unit (and its cluster): each serious finding still open and each
// recommendation overdue takes the programme's penalty off its points, down to none.

/// <summary>One target's part of a score.</summary>
public sealed record TargetScore(
    [property: System.ComponentModel.DataAnnotations.StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: System.ComponentModel.DataAnnotations.Range(0, 100)] int Weight,
    decimal Points,
    /// <summary>The target's name, as the programme states it.</summary>
    [property: System.ComponentModel.DataAnnotations.StringLength(TargetProgramme.NameMaxLength)] string Name = "");

/// <summary>What weighs on a unit after its inspections (a cluster's: its units' together).</summary>
public sealed record Standing(int OpenSeriousFindings, int OverdueRecommendations)
{
    public static readonly Standing None = new(0, 0);
}

/// <summary>A unit's or cluster's score: the points it has of the points it could have, and their parts.</summary>
public sealed record Score(decimal Points, decimal Possible, decimal? Percent, IReadOnlyList<TargetScore> Targets, decimal? PunctualityPoints,
    decimal StandingPenalty = 0)
{
    public static Score Of(TargetProgramme programme, IReadOnlyList<MeasureFigure> figures, Punctuality? punctuality, Standing? standing = null)
    {
        var byCode = figures.ToDictionary(f => f.Code);
        var targets = new List<TargetScore>();
        foreach (var target in programme.Targets)
        {
            var scored = target.Measures.Select(m => byCode.GetValueOrDefault(m.Code)).OfType<MeasureFigure>()
                .Where(f => f.Status != FigureStatus.Contribution).ToList();
            if (scored.Count == 0 || target.Weight == 0) continue;
            var progress = scored.Average(Progress);
            targets.Add(new TargetScore(target.Code, target.Weight, Math.Round(target.Weight * progress, 2), target.Name));
        }
        decimal? punctual = punctuality?.Rate is { } rate && programme.Scoreboard.PunctualityWeight > 0
            ? Math.Round(programme.Scoreboard.PunctualityWeight * rate / 100m, 2) : null;
        var earned = targets.Sum(t => t.Points) + (punctual ?? 0);
        var weighs = standing ?? Standing.None;
        var penalty = Math.Min(earned, weighs.OpenSeriousFindings * programme.Scoreboard.SeriousFindingPenalty
                                       + weighs.OverdueRecommendations * programme.Scoreboard.OverdueRecommendationPenalty);
        var points = earned - penalty;
        var possible = targets.Sum(t => t.Weight) + (punctual is null ? 0 : programme.Scoreboard.PunctualityWeight);
        return new Score(points, possible, possible == 0 ? null : Math.Round(100 * points / possible, 2), targets, punctual, penalty);
    }

    /// <summary>0 to 1: how far the value is towards an "at least" goal; 1 or 0 for an "at most" one.</summary>
    private static decimal Progress(MeasureFigure f) => f switch
    {
        { Value: null } => 0,
        { GoalAtMost: { } most } => f.Value <= most ? 1 : 0,
        { GoalAtLeast: { } least } when least <= 0 => 1,
        { GoalAtLeast: { } least } => Math.Min(1, f.Value!.Value / least),
        _ => 0,
    };
}
