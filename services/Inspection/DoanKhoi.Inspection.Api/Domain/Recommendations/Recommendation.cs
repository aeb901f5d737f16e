using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Recommendations;

public enum RecommendationStatus
{
    /// <summary>Addressed, nothing reported yet.</summary>
    Open,
    /// <summary>The unit reported what it is doing.</summary>
    InProgress,
    /// <summary>The unit reported it done, with its evidence: the committee verifies it.</summary>
    Done,
    /// <summary>Verified and closed by the inspection committee.</summary>
    Closed,
}

/// <summary>How far the reminders about a recommendation have gone: the unit's secretary before the due
/// day, then the cluster lead once it is overdue, then the bloc office a week later.</summary>
public enum EscalationStage
{
    None,
    Secretary,
    ClusterLead,
    BlocOffice,
}

/// <summary>A recommendation (kiến nghị) of an inspection's conclusion: addressed to a unit or a person,
/// what must be done and by when. It goes open → in progress (the unit reports what it did, with
/// evidence) → done → closed by the inspection committee once verified, or reopened with a reason. Until
/// it is done, a recommendation past its due day is overdue and weighs on its unit's standing.</summary>
public sealed class Recommendation : AggregateRoot
{
    public const int ActionMaxLength = 2000;
    public const int ReportMaxLength = 5000;
    public const int ReasonMaxLength = 1000;
    public const int MaxReports = 100;

    private List<RecommendationReport> _reports = [];

    private Recommendation() { }

    public Guid Id { get; private set; }
    public Guid InspectionId { get; private set; }
    public int Year { get; private set; }
    public SubjectKind AddresseeKind { get; private set; }
    /// <summary>The unit, or the person, it is addressed to.</summary>
    public Guid AddresseeId { get; private set; }
    public string AddresseeName { get; private set; } = "";
    /// <summary>The unit that answers for it: the unit addressed, or the person's unit.</summary>
    public Guid UnitId { get; private set; }
    public string Action { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    /// <summary>The findings it answers; a serious one stays open until every recommendation answering it is closed.</summary>
    public List<Guid> FindingIds { get; private set; } = [];
    public RecommendationStatus Status { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ReopenReason { get; private set; }
    public EscalationStage Escalation { get; private set; }
    public IReadOnlyList<RecommendationReport> Reports => _reports;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Not done by its due day: past it on <paramref name="today"/> and still open or in progress.</summary>
    public bool IsOverdueOn(DateOnly today) => Status is RecommendationStatus.Open or RecommendationStatus.InProgress && DueOn < today;

    /// <summary>A recommendation of a concluded inspection, to one of its subjects; due on or after the conclusion.</summary>
    public static Recommendation Address(Inspections.Inspection inspection, Guid addresseeId, string? action, DateOnly? dueOn, IReadOnlyList<Guid>? findingIds,
        DateTimeOffset now)
    {
        if (inspection.Status != Contracts.Inspection.InspectionStatus.Concluded)
            throw new DomainRuleException("Recommendations come with the conclusion: conclude the inspection first.");
        var errors = new FieldErrors();
        var subject = errors.Check(() => inspection.SubjectOf(addresseeId, "addresseeId"));
        var text = errors.Check(() => InspectionText.Required(action, "action", ActionMaxLength, "Say what must be done."));
        if (dueOn is null) errors.Add("dueOn", "Give the day it must be done by.");
        var findings = (findingIds ?? []).Distinct().ToList();
        for (var i = 0; i < findings.Count; i++)
            if (inspection.Findings.All(f => f.Id != findings[i])) errors.Add($"findingIds[{i}]", $"{findings[i]} is not a finding of this inspection.");
        errors.ThrowIfAny();
        if (dueOn < inspection.ConcludedOn)
            throw new DomainRuleException("The due day comes before the conclusion that makes the recommendation: give a day on or after it.");
        var recommendation = new Recommendation
        {
            Id = Guid.CreateVersion7(now), InspectionId = inspection.Id, Year = inspection.Year, AddresseeKind = subject!.Kind, AddresseeId = subject.Id,
            AddresseeName = subject.Name, UnitId = subject.UnitId, Action = text!, DueOn = dueOn!.Value, FindingIds = findings,
            Status = RecommendationStatus.Open, CreatedAt = now,
        };
        recommendation.Changed(now);
        return recommendation;
    }

    /// <summary>The unit reports what it did, with its evidence: links, and files it uploaded to the
    /// recommendation (<paramref name="uploaded"/>) named by <paramref name="fileIds"/>, each given with one
    /// report only. Still in progress, or done; done needs a link or a file.</summary>
    public RecommendationReport Report(string? whatWasDone, IReadOnlyList<string>? evidence, bool done, string reportedBy, DateTimeOffset now,
        IReadOnlyList<Guid>? fileIds = null, IReadOnlySet<Guid>? uploaded = null)
    {
        if (Status == RecommendationStatus.Closed)
            throw new DomainRuleException("The recommendation is closed: the inspection committee verified it. Ask the committee to reopen it to report more.");
        if (Status == RecommendationStatus.Done)
            throw new DomainRuleException("The recommendation is reported done and waits for the committee's verification.");
        if (_reports.Count >= MaxReports) throw new DomainRuleException($"A recommendation holds at most {MaxReports} reports.");
        var errors = new FieldErrors();
        var text = errors.Check(() => InspectionText.Required(whatWasDone, "whatWasDone", ReportMaxLength, "Say what the unit did."));
        var links = InspectionText.Links(errors, "evidence", evidence, FindingDetails.MaxEvidence, FindingDetails.EvidenceMaxLength);
        var ids = fileIds ?? [];
        for (var i = 0; i < ids.Count; i++)
            if (uploaded?.Contains(ids[i]) != true || ReportGiving(ids[i]) is not null)
                errors.Add($"fileIds[{i}]", "That file was not uploaded to this recommendation, or was given with an earlier report: upload it again.");
        if (done && links.Count == 0 && ids.Count == 0)
            errors.Add("evidence", "A recommendation reported done needs its evidence: a file, or a link to the document, minutes or photos.");
        errors.ThrowIfAny();
        var report = new RecommendationReport(Guid.CreateVersion7(now), text!, links, done, reportedBy, now, ids.Distinct().ToList());
        _reports.Add(report);
        Status = done ? RecommendationStatus.Done : RecommendationStatus.InProgress;
        Changed(now);
        return report;
    }

    /// <summary>The report a file uploaded to the recommendation was given with, or null while it waits for one.</summary>
    public Guid? ReportGiving(Guid fileId) => _reports.FirstOrDefault(r => r.FileIds?.Contains(fileId) == true)?.Id;

    /// <summary>A file uploaded by mistake is taken back before a report gives it; the recommendation changes
    /// with it, so a report naming the file at the same moment is a conflict, not a report of a file gone.</summary>
    public void TakeBackFile(Guid fileId, DateTimeOffset now)
    {
        if (ReportGiving(fileId) is not null)
            throw new DomainRuleException("The file was given with a report of what the unit did: it stays with the report.");
        Changed(now);
    }

    /// <summary>The inspection committee verifies what was done and closes it.</summary>
    public void Close(string closedBy, DateTimeOffset now)
    {
        if (Status == RecommendationStatus.Closed) throw new DomainRuleException("The recommendation is closed already.");
        if (Status != RecommendationStatus.Done)
            throw new DomainRuleException("The recommendation was never reported done: its unit reports what it did, with evidence, before it can be closed.");
        Status = RecommendationStatus.Closed;
        ClosedBy = closedBy;
        ClosedAt = now;
        Changed(now);
    }

    /// <summary>What was reported is not enough: back to the unit, with the reason, and a new due day if one is given.</summary>
    public void Reopen(string? reason, DateOnly? newDueOn, DateOnly today, DateTimeOffset now)
    {
        if (Status is not (RecommendationStatus.Done or RecommendationStatus.Closed))
            throw new DomainRuleException("Only a recommendation reported done, or closed, can be reopened; this one is still with its unit.");
        ReopenReason = InspectionText.Required(reason, "reason", ReasonMaxLength, "Say why the recommendation is reopened, for its unit.");
        if (newDueOn is { } due)
        {
            if (due < today) throw new ValidationFailedException("dueOn", "A new due day cannot be in the past.");
            DueOn = due;
        }
        Status = RecommendationStatus.InProgress;
        ClosedBy = null;
        ClosedAt = null;
        Escalation = EscalationStage.None;
        Changed(now);
    }

    /// <summary>Where the reminders should be on <paramref name="today"/>: the secretary from
    /// <paramref name="warnDays"/> before the due day, the cluster lead the day after it, the bloc office
    /// <paramref name="blocAfterDays"/> after it; none once it is reported done.</summary>
    public EscalationStage DueStageOn(DateOnly today, int warnDays, int blocAfterDays) =>
        Status is RecommendationStatus.Done or RecommendationStatus.Closed ? EscalationStage.None : StageOn(DueOn, today, warnDays, blocAfterDays);

    public static EscalationStage StageOn(DateOnly due, DateOnly today, int warnDays, int blocAfterDays) =>
        today > due.AddDays(blocAfterDays) ? EscalationStage.BlocOffice
        : today > due ? EscalationStage.ClusterLead
        : today >= due.AddDays(-warnDays) ? EscalationStage.Secretary
        : EscalationStage.None;

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What a unit reported of a recommendation: what it did, its evidence (links, and the files given
/// with it), whether it says it is done.</summary>
public sealed record RecommendationReport(Guid Id, string WhatWasDone, IReadOnlyList<string> Evidence, bool Done, string ReportedBy, DateTimeOffset ReportedAt,
    IReadOnlyList<Guid>? FileIds = null);
