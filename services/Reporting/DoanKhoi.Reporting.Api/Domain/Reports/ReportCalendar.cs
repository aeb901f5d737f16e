using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain.Programme;

namespace DoanKhoi.Reporting.Domain.Reports;

/// <summary>Where a unit or cluster stands with one report of the calendar.</summary>
public enum CalendarState
{
    /// <summary>Not due yet and not sent.</summary>
    Pending,
    /// <summary>Due, and nothing arrived.</summary>
    Missing,
    OnTime,
    Late,
    /// <summary>Returned for correction and not sent again yet.</summary>
    Returned,
    /// <summary>A school unit: it follows the education department's calendar (seed VII.3).</summary>
    Exempt,
}

/// <summary>The calendar's rules: who owes which report, and where each stands.</summary>
public static class ReportCalendar
{
    public static bool IsExempt(TargetProgramme programme, UnitKind kind) =>
        programme.ExemptUnitKinds.Contains(kind.ToString().ToLowerInvariant());

    public static CalendarState StateOf(ReportDefinition definition, Report? report, bool exempt, DateTimeOffset now) => report switch
    {
        { State: ReportState.Returned } => CalendarState.Returned,
        { OnTime: true } => CalendarState.OnTime,
        not null => CalendarState.Late,
        _ when exempt => CalendarState.Exempt,
        _ => Report.IsOnTime(definition, now) ? CalendarState.Pending : CalendarState.Missing,
    };

    /// <summary>Refuses a report the calendar does not ask of this submitter.</summary>
    public static void EnsureOwed(TargetProgramme programme, ReportDefinition definition, UnitKind? unitKind)
    {
        if (unitKind is { } kind && IsExempt(programme, kind))
            throw new DomainRuleException("School units report on the education department's calendar, not the bloc's (seed VII.3).");
    }

    /// <summary>The punctuality of one submitter over its reports: those due (missing) or sent; a returned
    /// report counts as its first version arrived (on time or late).</summary>
    public static Punctuality PunctualityOf(IEnumerable<(CalendarState State, Report? Report)> cells)
    {
        int onTime = 0, late = 0, missing = 0, returned = 0;
        foreach (var (state, report) in cells)
        {
            if (state == CalendarState.Missing) missing++;
            else if (report is null) continue;
            else if (report.OnTime) onTime++;
            else late++;
            if (state == CalendarState.Returned) returned++;
        }
        var due = onTime + late + missing;
        return new Punctuality(due, onTime, late, missing, returned, due == 0 ? null : Math.Round(100m * onTime / due, 2));
    }
}

/// <summary>How many reports were due, and how they arrived; the rate is the share on time (%).</summary>
public sealed record Punctuality(
    [property: System.ComponentModel.DataAnnotations.Range(0, 1000)] int Due,
    [property: System.ComponentModel.DataAnnotations.Range(0, 1000)] int OnTime,
    [property: System.ComponentModel.DataAnnotations.Range(0, 1000)] int Late,
    [property: System.ComponentModel.DataAnnotations.Range(0, 1000)] int Missing,
    [property: System.ComponentModel.DataAnnotations.Range(0, 1000)] int Returned,
    decimal? Rate);
