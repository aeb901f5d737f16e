namespace DoanKhoi.Contracts.Reporting;

// The reports of the calendar (seed VII.3) as units and clusters send them to the bloc: each event carries
// the report's state after the change and its number of versions, which grows with each version sent.

/// <summary>A report as it stands after a change.</summary>
public record ReportSnapshot
{
    public required Guid ReportId { get; init; }
    public required int Year { get; init; }
    /// <summary>The report of the year's calendar: plan, m01, q1, h1, m9, annual, ….</summary>
    public required string Code { get; init; }
    /// <summary>"unit" or "cluster".</summary>
    public required string SubmitterLevel { get; init; }
    public required Guid SubmitterId { get; init; }
    /// <summary>"submitted", "returned" or "accepted".</summary>
    public required string State { get; init; }
    /// <summary>Whether its first version arrived by 23:59:59 Vietnam time on the due day.</summary>
    public required bool OnTime { get; init; }
    public required int Version { get; init; }
}

/// <summary>A unit or cluster sent a report, or a new version of it, with its figures by code.</summary>
public record ReportSubmitted
{
    public required ReportSnapshot Snapshot { get; init; }
    public IReadOnlyDictionary<string, long> Figures { get; init; } = new Dictionary<string, long>();
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The bloc office accepted a report, or returned it for correction with a comment.</summary>
public record ReportReviewed
{
    public required ReportSnapshot Snapshot { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A report's deadline passed (23:59:59 Vietnam time of its due day): it is locked from then, and
/// these units and clusters had not sent it.</summary>
public record ReportDeadlinePassed
{
    public required int Year { get; init; }
    public required string Code { get; init; }
    public required DateOnly Due { get; init; }
    public IReadOnlyList<Guid> MissingSubmitterIds { get; init; } = [];
    public required DateTimeOffset OccurredAt { get; init; }
}
