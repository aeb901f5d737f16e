using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Reporting;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Text;

namespace DoanKhoi.Reporting.Domain.Reports;

// A report of the calendar (seed VII.3) as a unit or a cluster sends it: the figures the programme asks
// for (prefilled with what DoanKhoi counted, corrected with a reason), a narrative and attachments. It is
// on time if it arrives by 23:59:59 Vietnam time on its due day; after that it is locked, unless the bloc
// office opened it again for that unit for a while (an exception, on the record). The bloc office accepts
// it or returns it for correction with a comment; the unit resubmits, and every version is kept.

/// <summary>Who sends a report: a unit (cơ sở Đoàn) or a cluster (cụm thi đua).</summary>
public enum SubmitterLevel
{
    Unit,
    Cluster,
}

public enum ReportState
{
    /// <summary>Sent, waiting for the bloc office.</summary>
    Submitted,
    /// <summary>Returned for correction with a comment: the unit sends it again.</summary>
    Returned,
    /// <summary>Accepted by the bloc office: final.</summary>
    Accepted,
}

public sealed class Report : AggregateRoot
{
    public const int NarrativeMaxLength = 20_000;
    public const int CommentMaxLength = 2_000;
    public const int ReasonMaxLength = 500;
    public const int MaxAttachments = 10;

    private Report() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Code { get; private set; } = "";
    public SubmitterLevel Level { get; private set; }
    public Guid SubmitterId { get; private set; }
    public ReportState State { get; private set; }
    /// <summary>When the first version arrived: on time or late is decided by it.</summary>
    public DateTimeOffset FirstSubmittedAt { get; private set; }
    public bool OnTime { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? ReviewComment { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public List<ReportVersion> Versions { get; private set; } = [];

    public ReportVersion Latest => Versions.MaxBy(v => v.Number)!;

    /// <summary>The last moment a report due on <paramref name="due"/> is on time: 23:59:59 that day, Vietnam time.</summary>
    public static DateTimeOffset Deadline(DateOnly due) =>
        new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59, 59)), VietnamTime.Zone.GetUtcOffset(due.ToDateTime(TimeOnly.MinValue))).AddTicks(TimeSpan.TicksPerSecond - 1);

    public static bool IsOnTime(ReportDefinition definition, DateTimeOffset at) => at <= Deadline(definition.Due);

    /// <summary>The first version of a report. After the deadline only with an exception open for the submitter.</summary>
    public static Report Submit(ReportDefinition definition, int year, SubmitterLevel level, Guid submitter, ReportContent content,
        DateTimeOffset? openUntil, string by, DateTimeOffset now)
    {
        EnsureOpen(definition, openUntil, now);
        var report = new Report
        {
            Id = Guid.CreateVersion7(now), Year = year, Code = definition.Code, Level = level, SubmitterId = submitter,
            FirstSubmittedAt = now, OnTime = IsOnTime(definition, now),
        };
        report.AddVersion(content, by, now, report.OnTime);
        return report;
    }

    /// <summary>A new version: a returned report is corrected at any time (the return opens it); one not yet
    /// reviewed is corrected until the deadline (or while an exception is open); an accepted one is final.</summary>
    public void Resubmit(ReportDefinition definition, ReportContent content, DateTimeOffset? openUntil, string by, DateTimeOffset now)
    {
        if (State == ReportState.Accepted)
            throw new DomainRuleException("The report was accepted by the bloc office: it is final.");
        if (State == ReportState.Submitted) EnsureOpen(definition, openUntil, now);
        AddVersion(content, by, now, IsOnTime(definition, now));
    }

    public void Accept(string by, DateTimeOffset now)
    {
        if (State != ReportState.Submitted)
            throw new DomainRuleException(State == ReportState.Accepted ? "The report was accepted already." : "The report was returned: wait for the unit to send it again.");
        (State, ReviewComment, ReviewedBy, ReviewedAt, UpdatedAt) = (ReportState.Accepted, null, by, now, now);
        Reviewed(new ReportReview(ReportState.Accepted, null, by, now));
        Raise(new ReportReviewed { Snapshot = ToSnapshot(), Comment = null, OccurredAt = now });
    }

    public void Return(string? comment, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment))
            throw new ValidationFailedException("comment", "Say what to correct: the unit reads the comment.");
        if (comment.Trim().Length > CommentMaxLength)
            throw new ValidationFailedException("comment", $"A comment is at most {CommentMaxLength} characters.");
        if (State != ReportState.Submitted)
            throw new DomainRuleException(State == ReportState.Accepted ? "The report was accepted already." : "The report was returned: wait for the unit to send it again.");
        (State, ReviewComment, ReviewedBy, ReviewedAt, UpdatedAt) = (ReportState.Returned, comment.Trim().Normalize(), by, now, now);
        Reviewed(new ReportReview(ReportState.Returned, ReviewComment, by, now));
        Raise(new ReportReviewed { Snapshot = ToSnapshot(), Comment = ReviewComment, OccurredAt = now });
    }

    /// <summary>The review stays with the version it was about: every comment the unit was sent is kept.</summary>
    private void Reviewed(ReportReview review)
    {
        var latest = Versions.IndexOf(Latest);
        Versions[latest] = Versions[latest] with { Review = review };
    }

    private static void EnsureOpen(ReportDefinition definition, DateTimeOffset? openUntil, DateTimeOffset now)
    {
        if (IsOnTime(definition, now) || openUntil > now) return;
        throw new DomainRuleException(
            $"The report was due on {definition.Due:dd/MM/yyyy} and is locked since the end of that day: ask the bloc office to open it again for your unit.");
    }

    private void AddVersion(ReportContent content, string by, DateTimeOffset now, bool onTime)
    {
        var number = Versions.Count + 1;
        Versions.Add(new ReportVersion(number, now, by, onTime, content.Figures, content.Narrative, content.AttachmentIds, content.Note));
        (State, UpdatedAt) = (ReportState.Submitted, now);
        Raise(new ReportSubmitted { Snapshot = ToSnapshot(), Figures = content.Figures.ToDictionary(f => f.Code, f => f.Value), OccurredAt = now });
    }

    public ReportSnapshot ToSnapshot() => new()
    {
        ReportId = Id, Year = Year, Code = Code, SubmitterLevel = Level.ToString().ToLowerInvariant(), SubmitterId = SubmitterId,
        State = State.ToString().ToLowerInvariant(), OnTime = OnTime, Version = Versions.Count,
    };
}

/// <summary>What a unit sends: the figures, the narrative, the attachments already uploaded, a note.</summary>
public sealed record ReportContent(List<FigureValue> Figures, string Narrative, List<Guid> AttachmentIds, string? Note);

/// <summary>A figure as sent: the value, what DoanKhoi had counted for the period (the form's prefill), and
/// why they differ when they do.</summary>
public sealed record FigureValue(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    long Value,
    long? Counted,
    [property: StringLength(Report.ReasonMaxLength)] string? Reason);

/// <summary>One version of a report, kept.</summary>
public sealed record ReportVersion(
    [property: Range(1, 1000)] int Number,
    DateTimeOffset SubmittedAt,
    [property: StringLength(200)] string SubmittedBy,
    bool OnTime,
    [property: MaxLength(TargetProgramme.MaxFigures)] List<FigureValue> Figures,
    [property: StringLength(Report.NarrativeMaxLength)] string Narrative,
    [property: MaxLength(Report.MaxAttachments)] List<Guid> AttachmentIds,
    [property: StringLength(Report.ReasonMaxLength)] string? Note,
    /// <summary>The bloc office's review of this version: returned with its comment, or accepted; none while it waits.</summary>
    ReportReview? Review = null);

/// <summary>The bloc office's review of one version of a report.</summary>
public sealed record ReportReview(
    ReportState Outcome,
    [property: StringLength(Report.CommentMaxLength)] string? Comment,
    [property: StringLength(200)] string By,
    DateTimeOffset At);

/// <summary>The bloc office opened a locked report again for one submitter until a moment, with a reason.</summary>
public sealed class ReportOpening
{
    public const int ReasonMaxLength = 500;
    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    private ReportOpening() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Code { get; private set; } = "";
    public Guid SubmitterId { get; private set; }
    public DateTimeOffset OpenUntil { get; private set; }
    public string Reason { get; private set; } = "";
    public string GrantedBy { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }

    public static ReportOpening Grant(int year, string code, Guid submitter, DateTimeOffset until, string? reason, string by, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (until <= now) errors.Add("until", "The report is opened until a moment to come.");
        else if (until - now > Longest) errors.Add("until", $"A report is opened again for at most {Longest.Days} days.");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Say why the report is opened again (it is kept on the record).");
        else errors.CheckLength("reason", reason.Trim(), ReasonMaxLength);
        errors.ThrowIfAny();
        return new ReportOpening
        {
            Id = Guid.CreateVersion7(now), Year = year, Code = code, SubmitterId = submitter, OpenUntil = until.ToUniversalTime(),
            Reason = reason!.Trim().Normalize(), GrantedBy = by, GrantedAt = now,
        };
    }
}
