namespace DoanKhoi.Web.Clients;

// What the inspection service answers, as the portal reads it (its words: "thematic", "serious", "inProgress").

public sealed record InspectionSummary(Guid Id, int Year, string Kind, string Topic, string Status, DateOnly PlannedFrom, DateOnly PlannedTo,
    DateOnly? ConcludedOn, int Subjects, int Findings, int SeriousFindings, int Progress, int Version);

public sealed record InspectionSubject(Guid Id, string Kind, Guid UnitId, string Name, string Stage, string? Result);

public sealed record InspectionFinding(Guid Id, Guid SubjectId, string SubjectName, bool IsPersonal, string Severity, string? Description, bool IsViolation,
    List<string> Evidence, bool Hidden, string RecordedBy, DateTimeOffset RecordedAt, List<InspectionFile> Files);

/// <summary>A photo or document kept with a finding or a recommendation; <see cref="ReportId"/> is the report it was given with.</summary>
public sealed record InspectionFile(Guid Id, string FileName, string ContentType, long Size, string UploadedBy, DateTimeOffset UploadedAt, Guid? ReportId);

public sealed record InspectionView(Guid Id, int Year, string Kind, string Topic, string Status, string DecisionNumber, DateOnly DecidedOn,
    DateOnly PlannedFrom, DateOnly PlannedTo, DateOnly? StartedOn, List<string> Team, Guid? PlanItemId, List<InspectionSubject> Subjects, int Progress,
    List<InspectionFinding> Findings, string? Conclusion, DateOnly? ConcludedOn, string? CancelReason, List<RecommendationSummary> Recommendations, int Version);

public sealed record RecommendationSummary(Guid Id, Guid InspectionId, string AddresseeKind, Guid AddresseeId, string AddresseeName, Guid UnitId, string Action,
    DateOnly DueOn, string Status, bool Overdue, int Version);

public sealed record RecommendationReport(Guid Id, string WhatWasDone, List<string> Evidence, bool Done, string ReportedBy, DateTimeOffset ReportedAt,
    List<Guid> FileIds);

public sealed record RecommendationView(Guid Id, Guid InspectionId, string InspectionTopic, string AddresseeKind, Guid AddresseeId, string AddresseeName,
    Guid UnitId, string Action, DateOnly DueOn, string Status, bool Overdue, List<Guid> FindingIds, List<RecommendationReport> Reports, string? ClosedBy,
    DateTimeOffset? ClosedAt, string? ReopenReason, string Escalation, List<InspectionFile> Files, int Version);

public sealed record PlanLine(Guid Id, int Year, string Kind, string Topic, int Quarter, List<Guid> UnitIds, string? Note, bool Dropped, bool CountsForK14,
    int Inspections, int Concluded, int Version);

public sealed record InspectionProgramme(int Year, List<PlanLine> Items, int PlannedForK14, int ConcludedForK14, int SocialCritiqueSent);

public sealed record UnitStanding(Guid UnitId, string UnitName, int OpenSeriousFindings, int OverdueRecommendations, int OpenRecommendations, DateOnly AsOf);

public sealed record SocialCritique(Guid Id, int Year, string Document, string SentBy, DateOnly ReceivedOn, string? Opinions, DateOnly? OpinionsSentOn,
    string? Response, DateOnly? ResponseOn, bool Withdrawn, int Version)
{
    /// <summary>Counted toward K14: the bloc's opinions went out, and the item was not withdrawn.</summary>
    public bool CountsForK14 => OpinionsSentOn is not null && !Withdrawn;
}

public sealed record ForumOpinion(string Text, string? Topic);

public sealed record YouthForum(Guid Id, int Year, string Title, DateOnly HeldOn, Guid? UnitId, int Participants, Guid? InspectionId,
    List<ForumOpinion> Opinions, int Version);

/// <summary>A finding as the committee types it.</summary>
public sealed class FindingForm
{
    public Guid? SubjectId { get; set; }
    public string? Severity { get; set; } = "notable";
    public string? Description { get; set; }
    public bool IsViolation { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>A recommendation of a conclusion as the committee types it.</summary>
public sealed class RecommendationForm
{
    public Guid? AddresseeId { get; set; }
    public string? Action { get; set; }
    public DateTime? DueOn { get; set; }
}

public sealed record DisciplinaryDecision(Guid Id, Guid MemberId, string MemberName, Guid UnitId, string Measure, string DecisionNumber, string DecidedBy,
    DateOnly DecidedOn, DateOnly EffectiveOn, string Reason, Guid? InspectionId, bool Annulled, string? AnnulReason, DateTimeOffset RecordedAt, int Version);

/// <summary>A reminder of a recommendation not done that reached one of the person's posts; <see cref="Stage"/> is
/// "secretary" (before the due day), "clusterLead" (overdue) or "blocOffice" (a week overdue).</summary>
public sealed record FollowUpReminder(Guid Id, Guid RecommendationId, string Stage, Guid UnitId, string UnitName, string Action, DateOnly DueOn,
    DateTimeOffset CreatedAt, bool Emailed);

public sealed record FollowUpContact(Guid NodeId, string Email);
