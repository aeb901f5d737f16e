using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Inspections;

/// <summary>An inspection or supervision (kiểm tra, giám sát) of the inspection committee: its kind, topic
/// and legal basis (the decision that ordered it), its subjects (units, or named cadres and members), its
/// team and planned days. It goes planned → in progress → concluded, or is cancelled. While it is in
/// progress the team records findings and, over many units, each unit's assessment (like a campaign);
/// its conclusion (kết luận) needs at least one finding, and its recommendations (kiến nghị) are followed
/// up on their own (<see cref="Recommendations.Recommendation"/>).</summary>
public sealed class Inspection : AggregateRoot
{
    public const int TopicMaxLength = 300;
    public const int DecisionNumberMaxLength = 50;
    public const int ConclusionMaxLength = 20_000;
    public const int ReasonMaxLength = 500;
    public const int MaxSubjects = 200;
    public const int MaxTeam = 20;
    public const int MaxFindings = 500;

    private readonly List<InspectionSubject> _subjects = [];
    private readonly List<Finding> _findings = [];

    private Inspection() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public InspectionKind Kind { get; private set; }
    public string Topic { get; private set; } = "";
    /// <summary>The item of the year's inspection programme this carries out, if it was planned there.</summary>
    public Guid? PlanItemId { get; private set; }
    public LegalBasis Basis { get; private set; } = null!;
    public DateOnly PlannedFrom { get; private set; }
    public DateOnly PlannedTo { get; private set; }
    /// <summary>The accounts of the team (đoàn kiểm tra), by user name; the first leads it.</summary>
    public List<string> Team { get; private set; } = [];
    public InspectionStatus Status { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public string? Conclusion { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public string? CancelReason { get; private set; }
    public IReadOnlyList<InspectionSubject> Subjects => _subjects;
    public IReadOnlyList<Finding> Findings => _findings;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The units it concerns: those inspected, and those of the people inspected.</summary>
    public IReadOnlyList<Guid> UnitIds => [.. _subjects.Select(s => s.UnitId).Distinct()];

    /// <summary>The share of its units whose assessment is done, 0 to 100 (a campaign's overall progress).</summary>
    public int Progress => _subjects.Count == 0 ? 0
        : (int)Math.Round(100m * _subjects.Count(s => s.Stage == AssessmentStage.Assessed) / _subjects.Count, MidpointRounding.AwayFromZero);

    public static Inspection Plan(InspectionDetails details, IReadOnlyList<SubjectOf> subjects, Guid? planItemId, DateTimeOffset now)
    {
        if (subjects.Count == 0) throw new ValidationFailedException("subjects", "Name at least one subject: a unit, or a cadre or member.");
        if (subjects.Count > MaxSubjects) throw new ValidationFailedException("subjects", $"At most {MaxSubjects} subjects; {subjects.Count} were sent.");
        var duplicate = subjects.GroupBy(s => (s.Kind, s.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ValidationFailedException("subjects", $"The subject {duplicate.Key.Id} is named twice.");
        var inspection = new Inspection { Id = Guid.CreateVersion7(now), PlanItemId = planItemId, Status = InspectionStatus.Planned, CreatedAt = now };
        inspection.Apply(details);
        inspection._subjects.AddRange(subjects.Select(s => new InspectionSubject(s)));
        inspection.Changed(now);
        return inspection;
    }

    /// <summary>Corrects its details (kind, topic, basis, days, team) before it is concluded.</summary>
    public void Correct(InspectionDetails details, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status == InspectionStatus.InProgress && details.PlannedFrom > StartedOn)
            throw new DomainRuleException("The inspection started before that day: its first day cannot move past the day it started.");
        Apply(details);
        Changed(now);
    }

    /// <summary>Adds or removes subjects while it is planned; once it runs, the team works on the subjects it was given.</summary>
    public void SetSubjects(IReadOnlyList<SubjectOf> subjects, DateTimeOffset now)
    {
        if (Status != InspectionStatus.Planned)
            throw new DomainRuleException("Subjects are chosen while the inspection is planned; it has started already.");
        var fresh = Plan(new InspectionDetails(Kind, Topic, Basis, PlannedFrom, PlannedTo, Team, Year), subjects, PlanItemId, now);
        _subjects.Clear();
        _subjects.AddRange(fresh._subjects);
        Changed(now);
    }

    public void Start(DateOnly on, DateTimeOffset now)
    {
        if (Status != InspectionStatus.Planned)
            throw new DomainRuleException(Status == InspectionStatus.InProgress ? "The inspection is in progress already." : "Only a planned inspection can start.");
        if (on < Basis.DecidedOn)
            throw new ValidationFailedException("startedOn", "An inspection cannot start before the decision that ordered it.");
        Status = InspectionStatus.InProgress;
        StartedOn = on;
        Changed(now);
    }

    public Finding RecordFinding(Guid subjectId, FindingDetails details, string recordedBy, DateTimeOffset now)
    {
        EnsureInProgress("Findings are recorded while the inspection is in progress.");
        var subject = SubjectOf(subjectId, "subjectId");
        if (_findings.Count >= MaxFindings) throw new DomainRuleException($"An inspection holds at most {MaxFindings} findings.");
        var finding = Finding.Record(Id, subject, details, recordedBy, now);
        _findings.Add(finding);
        Changed(now);
        return finding;
    }

    public Finding CorrectFinding(Guid findingId, FindingDetails details, DateTimeOffset now)
    {
        EnsureInProgress("Findings are corrected while the inspection is in progress; it is concluded.");
        var finding = _findings.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException("finding", findingId);
        finding.Correct(details, now);
        Changed(now);
        return finding;
    }

    public void RemoveFinding(Guid findingId, DateTimeOffset now)
    {
        EnsureInProgress("Findings are removed while the inspection is in progress; it is concluded.");
        var finding = _findings.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException("finding", findingId);
        _findings.Remove(finding);
        Changed(now);
    }

    /// <summary>A unit's (or person's) place in a thematic inspection over many: not started, being
    /// inspected, assessed, with the result in words.</summary>
    public void Assess(Guid subjectId, AssessmentStage stage, string? result, DateTimeOffset now)
    {
        if (Status is not (InspectionStatus.InProgress or InspectionStatus.Concluded))
            throw new DomainRuleException("Subjects are assessed once the inspection has started.");
        if (Status == InspectionStatus.Concluded && stage != AssessmentStage.Assessed)
            throw new DomainRuleException("The inspection is concluded: every subject stays assessed.");
        SubjectOf(subjectId, "subjectId").Assess(stage, result);
        Changed(now);
    }

    /// <summary>The conclusion (kết luận) of the inspection, on a day; it needs a finding recorded, and
    /// every subject is assessed by then.</summary>
    public void Conclude(string? conclusion, DateOnly on, DateTimeOffset now)
    {
        EnsureInProgress(Status == InspectionStatus.Planned
            ? "The inspection has not started: start it, record what it found, then conclude it."
            : "Only an inspection in progress can be concluded.");
        var text = InspectionText.Required(conclusion, "conclusion", ConclusionMaxLength, "Write the conclusion: what the inspection found and what it asks.");
        if (_findings.Count == 0)
            throw new DomainRuleException("No finding is recorded: record what the inspection found (even a minor one) before concluding it.");
        if (on < StartedOn) throw new ValidationFailedException("concludedOn", "The conclusion cannot come before the day the inspection started.");
        foreach (var subject in _subjects.Where(s => s.Stage != AssessmentStage.Assessed)) subject.Assess(AssessmentStage.Assessed, null);
        Conclusion = text;
        ConcludedOn = on;
        Status = InspectionStatus.Concluded;
        Changed(now);
    }

    public void Cancel(string? reason, DateTimeOffset now)
    {
        EnsureOpen();
        CancelReason = InspectionText.Required(reason, "reason", ReasonMaxLength, "Say why the inspection is cancelled.");
        Status = InspectionStatus.Cancelled;
        Changed(now);
    }

    public InspectionSubject SubjectOf(Guid subjectId, string field) =>
        _subjects.FirstOrDefault(s => s.Id == subjectId) ?? throw new ValidationFailedException(field, $"{subjectId} is not a subject of this inspection.");

    public InspectionSnapshot ToSnapshot() => new()
    {
        InspectionId = Id, Year = Year, Kind = Kind, Topic = Topic, Status = Status, UnitIds = UnitIds, ConcludedOn = ConcludedOn, Version = Version,
    };

    private void Apply(InspectionDetails details)
    {
        Year = details.Year;
        Kind = details.Kind;
        Topic = details.Topic;
        Basis = details.Basis;
        PlannedFrom = details.PlannedFrom;
        PlannedTo = details.PlannedTo;
        Team = [.. details.Team];
    }

    private void EnsureOpen()
    {
        if (Status == InspectionStatus.Concluded) throw new DomainRuleException("The inspection is concluded: it can no longer change.");
        if (Status == InspectionStatus.Cancelled) throw new DomainRuleException("The inspection was cancelled: it can no longer change.");
    }

    private void EnsureInProgress(string message)
    {
        if (Status != InspectionStatus.InProgress) throw new DomainRuleException(message);
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Raise(new InspectionChanged { Inspection = ToSnapshot(), OccurredAt = now });
    }
}
