using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Evidence;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.OpenApi;
using DoanKhoi.Problems;
using DoanKhoi.Security;

namespace DoanKhoi.Inspection.Apis;

// What the inspection API takes and answers. Enumerations travel as camelCase words ("thematic",
// "onSignsOfViolation", "serious"); they are read as text and parsed here, so a wrong word is a 400
// on its field, not an unreadable body.

public sealed record SubjectRequest([property: StringLength(20)] string? Kind, Guid? Id);

public sealed record PlanInspectionRequest(
    [property: StringLength(30)] string? Kind,
    [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string? Topic,
    [property: StringLength(Domain.Inspections.Inspection.DecisionNumberMaxLength)] string? DecisionNumber,
    DateOnly? DecidedOn, DateOnly? PlannedFrom, DateOnly? PlannedTo,
    [property: MaxLength(Domain.Inspections.Inspection.MaxTeam), ItemMaxLength(InspectionDetails.UserNameMaxLength)] List<string>? Team,
    [property: MaxLength(Domain.Inspections.Inspection.MaxSubjects)] List<SubjectRequest>? Subjects,
    Guid? PlanItemId);

public sealed record StartInspectionRequest(DateOnly? StartedOn);

public sealed record AddRecommendationsRequest(
    [property: MaxLength(InspectionsApi.MaxRecommendationsPerRequest)] List<RecommendationRequest>? Recommendations);

public sealed record CancelRequest([property: StringLength(Domain.Inspections.Inspection.ReasonMaxLength)] string? Reason);

public sealed record RecommendationRequest(
    Guid? AddresseeId,
    [property: StringLength(Recommendation.ActionMaxLength)] string? Action,
    DateOnly? DueOn,
    [property: MaxLength(Domain.Inspections.Inspection.MaxFindings)] List<Guid>? FindingIds);

public sealed record ConcludeInspectionRequest(
    [property: StringLength(Domain.Inspections.Inspection.ConclusionMaxLength)] string? Conclusion,
    DateOnly? ConcludedOn,
    [property: MaxLength(InspectionsApi.MaxRecommendationsPerRequest)] List<RecommendationRequest>? Recommendations);

public sealed record FindingRequest(
    Guid? SubjectId,
    [property: StringLength(20)] string? Severity,
    [property: StringLength(FindingDetails.DescriptionMaxLength)] string? Description,
    bool? IsViolation,
    [property: MaxLength(FindingDetails.MaxEvidence), ItemMaxLength(FindingDetails.EvidenceMaxLength)] List<string>? Evidence);

public sealed record AssessmentRequest([property: StringLength(20)] string? Stage, [property: StringLength(InspectionSubject.ResultMaxLength)] string? Result);

public sealed record InspectionSummary(
    Guid Id, int Year, InspectionKind Kind, [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string Topic, InspectionStatus Status,
    DateOnly PlannedFrom, DateOnly PlannedTo, DateOnly? ConcludedOn, int Subjects, int Findings, int SeriousFindings,
    [property: Range(0, 100)] int Progress, int Version);

public sealed record SubjectView(Guid Id, SubjectKind Kind, Guid UnitId, [property: StringLength(300)] string Name, AssessmentStage Stage,
    [property: StringLength(InspectionSubject.ResultMaxLength)] string? Result);

/// <summary>A finding. One about a named person shows its description and evidence only to the inspection
/// and standing committees (<see cref="Hidden"/> otherwise).</summary>
public sealed record FindingView(
    Guid Id, Guid SubjectId, [property: StringLength(300)] string SubjectName, bool IsPersonal, FindingSeverity Severity,
    [property: StringLength(FindingDetails.DescriptionMaxLength)] string? Description, bool IsViolation,
    [property: MaxLength(FindingDetails.MaxEvidence), ItemMaxLength(FindingDetails.EvidenceMaxLength)] IReadOnlyList<string> Evidence, bool Hidden,
    [property: StringLength(256)] string RecordedBy, DateTimeOffset RecordedAt,
    [property: MaxLength(EvidenceFile.MaxPerFinding)] IReadOnlyList<EvidenceFileView> Files);

/// <summary>A photo or document kept with a finding or a recommendation; its content at its own address.
/// <see cref="ReportId"/> names the report of what was done it was given with (null while not yet given).</summary>
public sealed record EvidenceFileView(
    Guid Id, [property: StringLength(EvidenceFile.FileNameMaxLength)] string FileName, [property: StringLength(100)] string ContentType,
    [property: Range(0, EvidenceFile.MaxBytes)] long Size, [property: StringLength(256)] string UploadedBy, DateTimeOffset UploadedAt, Guid? ReportId)
{
    public static EvidenceFileView From(EvidenceFile f, Guid? reportId) => new(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt, reportId);
}

public sealed record InspectionView(
    Guid Id, int Year, InspectionKind Kind, [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string Topic, InspectionStatus Status,
    [property: StringLength(Domain.Inspections.Inspection.DecisionNumberMaxLength)] string DecisionNumber, DateOnly DecidedOn,
    DateOnly PlannedFrom, DateOnly PlannedTo, DateOnly? StartedOn,
    [property: MaxLength(Domain.Inspections.Inspection.MaxTeam), ItemMaxLength(InspectionDetails.UserNameMaxLength)] IReadOnlyList<string> Team, Guid? PlanItemId,
    [property: MaxLength(Domain.Inspections.Inspection.MaxSubjects)] IReadOnlyList<SubjectView> Subjects,
    [property: Range(0, 100)] int Progress,
    [property: MaxLength(Domain.Inspections.Inspection.MaxFindings)] IReadOnlyList<FindingView> Findings,
    [property: StringLength(Domain.Inspections.Inspection.ConclusionMaxLength)] string? Conclusion, DateOnly? ConcludedOn,
    [property: StringLength(Domain.Inspections.Inspection.ReasonMaxLength)] string? CancelReason,
    [property: MaxLength(InspectionsApi.MaxRecommendationsShown)] IReadOnlyList<RecommendationSummary> Recommendations,
    int Version)
{
    /// <summary>The inspection as <paramref name="caller"/> may see it: a unit's secretary or cluster lead sees
    /// only their units' subjects and findings; findings about people are hidden from those who do not need them.</summary>
    public static InspectionView Of(Domain.Inspections.Inspection i, Caller caller, HashSet<Guid>? units, IReadOnlyList<Recommendation> recommendations,
        ILookup<Guid, EvidenceFileView> findingFiles, DateOnly today)
    {
        // Units first, then people, each in Vietnamese order.
        var subjects = i.Subjects.Where(s => units is null || units.Contains(s.UnitId)).OrderBy(s => s.Kind).ThenBy(s => s.Name, VietnameseOrder).ToList();
        var names = i.Subjects.ToDictionary(s => s.Id, s => s.Name);
        var personal = caller.ReadsPersonalFindings();
        var findings = i.Findings.Where(f => units is null || units.Contains(f.UnitId)).OrderBy(f => f.RecordedAt).ThenBy(f => f.Id)
            .Select(f => FindingOf(f, names.GetValueOrDefault(f.SubjectId, ""), hide: f.IsPersonal && !personal, findingFiles[f.Id])).ToList();
        return new InspectionView(i.Id, i.Year, i.Kind, i.Topic, i.Status, i.Basis.DecisionNumber, i.Basis.DecidedOn, i.PlannedFrom, i.PlannedTo, i.StartedOn,
            i.Team, i.PlanItemId, subjects.Select(s => new SubjectView(s.Id, s.Kind, s.UnitId, s.Name, s.Stage, s.Result)).ToList(), i.Progress, findings,
            i.Conclusion, i.ConcludedOn, i.CancelReason,
            recommendations.Where(r => units is null || units.Contains(r.UnitId)).Select(r => RecommendationSummary.Of(r, today)).ToList(), i.Version);
    }

    /// <summary>Names in the order of the Vietnamese alphabet.</summary>
    internal static readonly StringComparer VietnameseOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);

    public static FindingView FindingOf(Finding f, string subjectName, bool hide, IEnumerable<EvidenceFileView> files) =>
        new(f.Id, f.SubjectId, subjectName, f.IsPersonal, f.Severity, hide ? null : f.Description, f.IsViolation, hide ? [] : f.Evidence, hide,
            f.RecordedBy, f.RecordedAt, hide ? [] : [.. files]);
}

public sealed record RecommendationSummary(
    Guid Id, Guid InspectionId, SubjectKind AddresseeKind, Guid AddresseeId, [property: StringLength(300)] string AddresseeName, Guid UnitId,
    [property: StringLength(Recommendation.ActionMaxLength)] string Action, DateOnly DueOn, RecommendationStatus Status, bool Overdue, int Version)
{
    public static RecommendationSummary Of(Recommendation r, DateOnly today) =>
        new(r.Id, r.InspectionId, r.AddresseeKind, r.AddresseeId, r.AddresseeName, r.UnitId, r.Action, r.DueOn, r.Status, r.IsOverdueOn(today), r.Version);
}

/// <summary>Reads the camelCase words of an enumeration (and kebab-case: "on-signs-of-violation").</summary>
public static class Words
{
    public static T? Parse<T>(string? text, string field, bool required = true) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return required ? throw new ValidationFailedException(field, $"'{field}' is required: use {Allowed<T>()}.") : null;
        var key = text.Replace("-", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse<T>(key, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value : throw new ValidationFailedException(field, $"'{text}' is not one of {Allowed<T>()}.");
    }

    /// <summary>A word for a domain method that names a missing value itself: null when the word is missing (the
    /// domain says so), the value when it reads, and when it does not, the error recorded on
    /// <paramref name="errors"/> and a stand-in, so the field is not named twice.</summary>
    public static T? Read<T>(FieldErrors errors, string? text, string field) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null : errors.Check(() => Parse<T>(text, field)) ?? default(T);

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
}
