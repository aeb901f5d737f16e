using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

// The reporting service's answers, as the portal reads them (enums as the API writes them, camelCase):
// the board of the year's targets, and the programme that defines them.

/// <summary>The board of one node (bloc, cluster or unit) as it stood at the end of <see cref="AsOf"/>;
/// <see cref="Elapsed"/> is the share of the year gone, in %.</summary>
public sealed record BoardView(int Year, DateOnly AsOf, string Level, Guid? NodeId, string NodeName, decimal Elapsed, IReadOnlyList<TargetFigures> Targets)
{
    public IEnumerable<MeasureFigure> Measures => Targets.SelectMany(t => t.Measures);
}

public sealed record TargetFigures(string Code, string Name, int Weight, IReadOnlyList<MeasureFigure> Measures);

/// <summary>One measure at one node on one day: its value (a % when <see cref="IsShare"/>, of <see cref="Count"/>
/// out of <see cref="Base"/>), its goal, what the pace asks by the day (<see cref="Expected"/>) and its status
/// (met, onTrack, behind, notMet, contribution).</summary>
public sealed record MeasureFigure(string Code, string Name, bool IsShare, decimal? Value, long Count, long? Base,
    decimal? GoalAtLeast, decimal? GoalAtMost, decimal? Expected, string Status)
{
    /// <summary>What the pace asks by the day, as people count it: a share as it is, a count in whole things
    /// (0.34 of a youth project is one by then: the status compares the count with the exact pace, the same way).</summary>
    public decimal? Pace => Expected is { } e ? (IsShare ? e : Math.Ceiling(e)) : null;

    /// <summary>The share of the "at least" goal reached, in % (capped at 100), when there is one to compare with.</summary>
    public double? Reached => Value is { } v && GoalAtLeast is { } goal && goal > 0 ? (double)Math.Min(100m, 100m * v / goal) : null;

    /// <summary>The share of the goal the pace asks for by the day, in %.</summary>
    public double? Due => Expected is { } e && GoalAtLeast is { } goal && goal > 0 ? (double)Math.Min(100m, 100m * e / goal) : null;
}

/// <summary>A cluster or unit with each measure's figure (for comparing nodes).</summary>
public sealed record BoardRow(Guid NodeId, string Code, string Name, IReadOnlyList<FigureCell> Figures)
{
    public FigureCell? Figure(string measure) => Figures.FirstOrDefault(f => f.Measure == measure);
}

/// <summary>One measure of a row: a share (in %) when it has a <see cref="Base"/>.</summary>
public sealed record FigureCell(string Measure, decimal? Value, long Count, long? Base, string Status);

/// <summary>One record a figure counts: an activity (with its amount), a member (attendances, or a grade), an idea, a unit's grade.</summary>
public sealed record BoardRecord(string Kind, Guid Id, string Name, Guid? UnitId, string? UnitName, DateOnly? Day, long Amount, string? Grade = null);

/// <summary>A unit, cluster or member that has not reached a measure: what it has and what it must reach.</summary>
public sealed record MissingRow(string Kind, Guid Id, string Name, long Count, long Threshold);

/// <summary>The part of the bloc a board, list or drill-down is about: the bloc, a cluster or a unit.</summary>
public sealed record BoardScope(string Level, Guid? Id)
{
    public static readonly BoardScope Bloc = new("bloc", null);

    public static BoardScope Cluster(Guid id) => new("cluster", id);
    public static BoardScope Unit(Guid id) => new("unit", id);

    public Guid? ClusterId => Level == "cluster" ? Id : null;
    public Guid? UnitId => Level == "unit" ? Id : null;

    /// <summary>As a select's value and in a link: <c>bloc</c>, <c>cluster:{id}</c>, <c>unit:{id}</c>.</summary>
    public string Key => Id is { } id ? $"{Level}:{id}" : Level;

    public static BoardScope Parse(string? key)
    {
        var parts = key?.Split(':');
        return parts is [("cluster" or "unit") and var level, var id] && Guid.TryParse(id, out var guid) ? new BoardScope(level, guid) : Bloc;
    }

    /// <summary>The part a link names (<c>unitId</c>, <c>clusterId</c>, or <c>level=bloc</c>), or none: the person's own then.</summary>
    public static BoardScope? FromQuery(string? level, Guid? clusterId, Guid? unitId) =>
        unitId is { } u ? Unit(u) : clusterId is { } c ? Cluster(c) : level == "bloc" ? Bloc : null;
}

/// <summary>A year that has a programme, and its present version.</summary>
public sealed record ProgrammeSummary(int Year, int Version, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>A year's programme as stored (<see cref="Programme"/>, the whole document, kept as it came so
/// that a change sends back everything the portal does not edit) and its version.</summary>
public sealed record ProgrammeVersion(int Version, DateTimeOffset ChangedAt, string ChangedBy, JsonObject Programme)
{
    private TargetProgramme? _document;

    /// <summary>The document read for showing: targets, measures, goals, the reporting calendar.</summary>
    [JsonIgnore]
    public TargetProgramme Document => _document ??= Programme.Deserialize<TargetProgramme>(GatewayClient.Json)!;
}

/// <summary>One version of a year's programme: who changed it, when and why.</summary>
public sealed record ProgrammeRevision(int Version, DateTimeOffset ChangedAt, string ChangedBy, string Reason, TargetProgramme Programme);

public sealed record TargetProgramme(int Year, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<TargetDefinition> Targets,
    IReadOnlyList<ReportDefinition> Reports, IReadOnlyList<string>? ExemptUnitKinds)
{
    public IEnumerable<MeasureDefinition> Measures => Targets.SelectMany(t => t.Measures);

    public MeasureDefinition? Measure(string code) => Measures.FirstOrDefault(m => m.Code == code);
}

public sealed record TargetDefinition(string Code, string Name, int Weight, IReadOnlyList<MeasureDefinition> Measures);

/// <summary>A measure: what it counts, over each unit or cluster or not (<see cref="Each"/>: none, unit, cluster),
/// the threshold each must reach, and its goal (at least or at most; a % when it is a share).</summary>
public sealed record MeasureDefinition(string Code, string Name, FactCount Count, FactCount? Of, string? Each, int? AtLeast, string? Quota, Goal Goal, bool Paced = true)
{
    public bool OverEachUnit => Each == "unit";
    public bool OverEachCluster => Each == "cluster";
    public bool IsShare => Of is not null || OverEachUnit || OverEachCluster;

    /// <summary>Whether the board lists the records its figure counts (activities, members, ideas, grades).</summary>
    public bool HasRecords => Count.Source is "activities" or "quantity" or "attendances" or "ideas" or "admissions" or "party-recommendations"
        or "member-grades" or "unit-grades";

    /// <summary>Whether the board lists who is missing from it at <paramref name="scope"/>: each unit or cluster, or a unit's members.</summary>
    public bool HasMissing(BoardScope scope) => OverEachUnit || (OverEachCluster && scope.Level != "unit")
        || (Count is { Source: "attendances", PerMember: not null } && scope.Level == "unit");
}

public sealed record FactCount(string Source, IReadOnlyList<string>? Kinds = null, string? Quantity = null, int? PerMember = null);

public sealed record Goal(decimal? AtLeast, decimal? AtMost);

/// <summary>A report of the calendar, due by the end of <see cref="Due"/> (Vietnam time), covering <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ReportDefinition(string Code, string Name, DateOnly Due, DateOnly? From = null, DateOnly? To = null, bool Commendations = false, bool Thematic = false);

/// <summary>The goals of a programme the portal edits: each measure's goal and, over each unit or cluster, its threshold.</summary>
public sealed class GoalsForm
{
    public Dictionary<string, decimal?> Goals { get; } = [];
    public Dictionary<string, int?> Thresholds { get; } = [];
    public string? Reason { get; set; }

    public static GoalsForm Of(TargetProgramme programme)
    {
        var form = new GoalsForm();
        foreach (var m in programme.Measures)
        {
            form.Goals[m.Code] = m.Goal.AtLeast ?? m.Goal.AtMost;
            if (m.AtLeast is not null) form.Thresholds[m.Code] = m.AtLeast;
        }
        return form;
    }

    /// <summary>The stored document with the goals and thresholds of this form, everything else as it was.</summary>
    public JsonObject ApplyTo(JsonObject programme)
    {
        var copy = (JsonObject)programme.DeepClone();
        foreach (var measure in (copy["targets"]?.AsArray() ?? []).SelectMany(t => t?["measures"]?.AsArray() ?? []).OfType<JsonObject>())
        {
            var code = measure["code"]?.GetValue<string>() ?? "";
            if (Goals.TryGetValue(code, out var goal) && measure["goal"] is JsonObject g)
            {
                // The goal stays "at least" or "at most", as it was.
                var side = g["atMost"] is JsonValue ? "atMost" : "atLeast";
                g[side] = goal is { } value ? JsonValue.Create(value) : null;
            }
            if (Thresholds.TryGetValue(code, out var threshold)) measure["atLeast"] = threshold is { } t ? JsonValue.Create(t) : null;
        }
        return copy;
    }
}

// The reports of the calendar: the grid of who sent what, a report's form with its versions, the reminders,
// and the emulation scoreboard. States as the API writes them: a cell is pending, missing, onTime, late,
// returned or exempt; a report sent is submitted, returned or accepted.

/// <summary>Every unit and cluster the person sees against every report of the year, with each one's punctuality.</summary>
public sealed record ReportCalendar(int Year, IReadOnlyList<ReportDefinition> Reports, IReadOnlyList<CalendarRow> Rows, IReadOnlyList<ClusterPunctuality> Clusters)
{
    public ReportDefinition? Report(string code) => Reports.FirstOrDefault(r => r.Code == code);

    public CalendarRow? Row(Guid node) => Rows.FirstOrDefault(r => r.NodeId == node);
}

/// <summary>A unit (<c>level</c> unit) or cluster against each report; an exempt unit (a school) owes none.</summary>
public sealed record CalendarRow(string Level, Guid NodeId, string Name, Guid? ClusterId, bool Exempt, IReadOnlyList<CalendarCell> Cells, Punctuality Punctuality)
{
    public bool IsCluster => Level == "cluster";

    public CalendarCell? Cell(string code) => Cells.FirstOrDefault(c => c.Code == code);

    /// <summary>Whose reports these are, as a report's link names it.</summary>
    public BoardScope Submitter => IsCluster ? BoardScope.Cluster(NodeId) : BoardScope.Unit(NodeId);
}

public sealed record CalendarCell(string Code, string State, bool Accepted, Guid? ReportId);

/// <summary>How many reports were due and how they arrived; <see cref="Rate"/> is the share on time, in %.</summary>
public sealed record Punctuality(int Due, int OnTime, int Late, int Missing, int Returned, decimal? Rate);

public sealed record ClusterPunctuality(Guid ClusterId, string Name, Punctuality Punctuality);

/// <summary>A report as its sender fills it: the deadline (the end of its due day, Vietnam time), whether it
/// can be sent now (<see cref="Open"/>; until <see cref="OpenUntil"/> when the bloc office opened it again),
/// the figures prefilled with what DoanKhoi counted, and what was sent (<see cref="Sent"/>).</summary>
public sealed record ReportForm(int Year, ReportDefinition Report, string Level, Guid SubmitterId, string SubmitterName, DateTimeOffset Deadline,
    string State, bool Open, DateTimeOffset? OpenUntil, IReadOnlyList<FigureField> Figures, ReportView? Sent)
{
    public BoardScope Submitter => Level == "cluster" ? BoardScope.Cluster(SubmitterId) : BoardScope.Unit(SubmitterId);
}

/// <summary>A figure of the form: what DoanKhoi counted for the period (none for a figure it does not record),
/// and what was sent last, with its reason.</summary>
public sealed record FigureField(string Code, string Name, long? Counted, long? Sent, string? Reason);

/// <summary>A report sent, its review, and every version (newest first).</summary>
public sealed record ReportView(Guid Id, int Year, string Code, string Level, Guid SubmitterId, string State, bool OnTime, DateTimeOffset FirstSubmittedAt,
    string? ReviewComment, string? ReviewedBy, DateTimeOffset? ReviewedAt, IReadOnlyList<ReportVersion> Versions,
    IReadOnlyList<ReportAttachment>? Attachments = null);

public sealed record ReportVersion(int Number, DateTimeOffset SubmittedAt, string SubmittedBy, bool OnTime, IReadOnlyList<SentFigure> Figures,
    string Narrative, IReadOnlyList<Guid> AttachmentIds, string? Note, ReportReview? Review = null);

/// <summary>The bloc office's review of one version: "returned" with its comment, or "accepted".</summary>
public sealed record ReportReview(string Outcome, string? Comment, string By, DateTimeOffset At);

/// <summary>A figure as sent: the value, what DoanKhoi had counted, and why they differ.</summary>
public sealed record SentFigure(string Code, long Value, long? Counted, string? Reason);

/// <summary>What a sender sends: a figure's value with its reason when it differs from the counted one.</summary>
public sealed record FigureEntry(string Code, long? Value, string? Reason);

public sealed record ReportSubmission(IReadOnlyList<FigureEntry> Figures, string? Narrative, IReadOnlyList<Guid> AttachmentIds, string? Note);

/// <summary>A document uploaded to go with a report (a PDF or an Office file).</summary>
public sealed record ReportAttachment(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>The bloc office opened a locked report again for one unit or cluster until a moment.</summary>
public sealed record ReportOpening(Guid Id, Guid SubmitterId, DateTimeOffset OpenUntil, string Reason, string GrantedBy, DateTimeOffset GrantedAt);

/// <summary>A reminder a unit or cluster received for a report it had not sent: before the due day, on it, or after (<see cref="Stage"/>).</summary>
public sealed record ReportReminder(int Year, string Code, string Report, string Stage, DateOnly Due, DateTimeOffset CreatedAt, string? EmailTo, DateTimeOffset? EmailSentAt);

/// <summary>Where a unit's or cluster's reminders are e-mailed.</summary>
public sealed record ReportContact(Guid NodeId, string Email, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A unit or cluster on the emulation scoreboard: its points of the points it could have, by target and for punctuality.</summary>
public sealed record ScoreRow(int Rank, Guid NodeId, string Name, decimal Points, decimal Possible, decimal? Percent, IReadOnlyList<TargetScore> Targets,
    decimal? PunctualityPoints)
{
    public TargetScore? Target(string code) => Targets.FirstOrDefault(t => t.Code == code);
}

public sealed record TargetScore(string Code, int Weight, decimal Points, string Name = "");
