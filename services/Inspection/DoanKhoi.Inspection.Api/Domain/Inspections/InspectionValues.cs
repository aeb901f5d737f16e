using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Inspection.Domain.Inspections;

/// <summary>The decision that ordered an inspection (căn cứ): its number and day.</summary>
public sealed record LegalBasis(string DecisionNumber, DateOnly DecidedOn);

/// <summary>What an inspection is and when it runs, checked whole: every field at fault is named at once.</summary>
public sealed record InspectionDetails(InspectionKind Kind, string Topic, LegalBasis Basis, DateOnly PlannedFrom, DateOnly PlannedTo, IReadOnlyList<string> Team, int Year)
{
    /// <summary>Identity's longest user name.</summary>
    public const int UserNameMaxLength = 256;

    public static InspectionDetails Of(InspectionKind? kind, string? topic, string? decisionNumber, DateOnly? decidedOn, DateOnly? plannedFrom, DateOnly? plannedTo,
        IReadOnlyList<string>? team)
    {
        var errors = new FieldErrors();
        if (kind is null) errors.Add("kind", "Choose the kind: regular, thematic, unscheduled, onSignsOfViolation or supervision.");
        var cleanTopic = errors.Check(() => InspectionText.Required(topic, "topic", Inspection.TopicMaxLength, "Name the topic of the inspection."));
        var number = errors.Check(() => InspectionText.Required(decisionNumber, "decisionNumber", Inspection.DecisionNumberMaxLength,
            "Give the number of the decision that orders the inspection (e.g. 12-QĐ/UBKT)."));
        if (decidedOn is null) errors.Add("decidedOn", "Give the day of the decision that orders the inspection.");
        if (plannedFrom is null) errors.Add("plannedFrom", "Give the planned first day.");
        if (plannedTo is null) errors.Add("plannedTo", "Give the planned last day.");
        if (plannedFrom is { } from && plannedTo is { } to)
        {
            if (to < from) errors.Add("plannedTo", "The last day comes before the first.");
            if (to.Year != from.Year) errors.Add("plannedTo", "An inspection runs within one year: split it by year.");
        }
        if (plannedFrom is { } start && decidedOn is { } decided && start < decided)
            errors.Add("plannedFrom", "An inspection cannot be planned to start before the decision that orders it.");
        var members = (team ?? []).Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (members.Count == 0) errors.Add("team", "Name the team: at least the account that leads it.");
        if (members.Count > Inspection.MaxTeam) errors.Add("team", $"A team has at most {Inspection.MaxTeam} people; {members.Count} were sent.");
        if (members.Any(m => m.Length > UserNameMaxLength)) errors.Add("team", $"A user name is at most {UserNameMaxLength} characters long.");
        errors.ThrowIfAny();
        return new InspectionDetails(kind!.Value, cleanTopic!, new LegalBasis(number!, decidedOn!.Value), plannedFrom!.Value, plannedTo!.Value, members, plannedFrom.Value.Year);
    }
}

public enum SubjectKind
{
    /// <summary>A grassroots unit (cơ sở Đoàn).</summary>
    Unit,
    /// <summary>A named cadre or member: their findings are personal data.</summary>
    Person,
}

/// <summary>A subject as the request names it, resolved against the organisation: a unit, or a member with their unit.</summary>
public sealed record SubjectOf(SubjectKind Kind, Guid Id, Guid UnitId, string Name);

/// <summary>How far the inspection of one subject has come, in a thematic inspection over many.</summary>
public enum AssessmentStage
{
    NotStarted,
    Inspecting,
    Assessed,
}

/// <summary>One subject of an inspection, with its assessment.</summary>
public sealed class InspectionSubject
{
    public const int ResultMaxLength = 2000;

    private InspectionSubject() { }

    internal InspectionSubject(SubjectOf subject)
    {
        Id = subject.Id;
        Kind = subject.Kind;
        UnitId = subject.UnitId;
        Name = subject.Name;
        Stage = AssessmentStage.NotStarted;
    }

    /// <summary>The unit's id, or the member's.</summary>
    public Guid Id { get; private set; }
    public SubjectKind Kind { get; private set; }
    /// <summary>The unit itself, or the unit of the person.</summary>
    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public AssessmentStage Stage { get; private set; }
    public string? Result { get; private set; }

    internal void Assess(AssessmentStage stage, string? result)
    {
        var text = result is null ? null : VietnameseText.Clean(result);
        if (text?.Length > ResultMaxLength) throw new ValidationFailedException("result", $"A result is at most {ResultMaxLength} characters long.");
        Stage = stage;
        if (text is { Length: > 0 }) Result = text;
    }
}

public enum FindingSeverity
{
    Minor,
    Notable,
    Serious,
}

/// <summary>What a finding says, checked whole.</summary>
public sealed record FindingDetails(FindingSeverity Severity, string Description, bool IsViolation, IReadOnlyList<string> Evidence)
{
    public const int DescriptionMaxLength = 5000;
    public const int MaxEvidence = 20;
    public const int EvidenceMaxLength = 1000;

    public static FindingDetails Of(FindingSeverity? severity, string? description, bool? isViolation, IReadOnlyList<string>? evidence)
    {
        var errors = new FieldErrors();
        if (severity is null) errors.Add("severity", "Choose the severity: minor, notable or serious.");
        var text = errors.Check(() => InspectionText.Required(description, "description", DescriptionMaxLength, "Describe what was found."));
        var links = InspectionText.Links(errors, "evidence", evidence, MaxEvidence, EvidenceMaxLength);
        errors.ThrowIfAny();
        return new FindingDetails(severity!.Value, text!, isViolation ?? false, links);
    }
}

/// <summary>A finding (phát hiện) of an inspection about one subject: how serious, what, whether it is a
/// violation, and its evidence (links to documents and photos; files are attached separately).</summary>
public sealed class Finding
{
    private Finding() { }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public Guid SubjectId { get; private set; }
    public SubjectKind SubjectKind { get; private set; }
    public Guid UnitId { get; private set; }
    public FindingSeverity Severity { get; private set; }
    public string Description { get; private set; } = "";
    public bool IsViolation { get; private set; }
    public List<string> Evidence { get; private set; } = [];
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>About a named person: personal data, shown only to those who need it and read on the record.</summary>
    public bool IsPersonal => SubjectKind == SubjectKind.Person;

    internal static Finding Record(Guid inspectionId, InspectionSubject subject, FindingDetails details, string recordedBy, DateTimeOffset now)
    {
        var finding = new Finding
        {
            Id = Guid.CreateVersion7(now), InspectionId = inspectionId, SubjectId = subject.Id, SubjectKind = subject.Kind, UnitId = subject.UnitId,
            RecordedBy = recordedBy, RecordedAt = now,
        };
        finding.Correct(details, now);
        return finding;
    }

    internal void Correct(FindingDetails details, DateTimeOffset now)
    {
        Severity = details.Severity;
        Description = details.Description;
        IsViolation = details.IsViolation;
        Evidence = [.. details.Evidence];
        UpdatedAt = now;
    }
}

/// <summary>The checks of the free text and links the inspection's records hold.</summary>
public static class InspectionText
{
    /// <summary>The text cleaned (NFC, single spaces); a missing or blank one, or one too long, is a 400 on <paramref name="field"/>.</summary>
    public static string Required(string? text, string field, int maxLength, string missing)
    {
        var clean = text is null ? "" : VietnameseText.Clean(text);
        if (clean.Length == 0) throw new ValidationFailedException(field, missing);
        if (clean.Length > maxLength) throw new ValidationFailedException(field, $"'{field}' is {clean.Length} characters long; at most {maxLength} are allowed.");
        return clean;
    }

    /// <summary>Absolute http(s) links; each one at fault is named by its position.</summary>
    public static List<string> Links(FieldErrors errors, string field, IReadOnlyList<string>? links, int max, int maxLength)
    {
        var result = new List<string>();
        if (links is null) return result;
        if (links.Count > max) errors.Add(field, $"At most {max} links; {links.Count} were sent.");
        for (var i = 0; i < links.Count && i < max; i++)
        {
            var link = links[i]?.Trim() ?? "";
            if (link.Length > maxLength) errors.Add($"{field}[{i}]", $"A link is at most {maxLength} characters long.");
            else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"{field}[{i}]", $"'{link}' is not a link: give a whole address starting with https://.");
            else result.Add(uri.ToString());
        }
        return result;
    }
}
