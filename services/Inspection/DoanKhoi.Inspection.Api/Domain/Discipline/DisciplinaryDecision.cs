using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Discipline;

/// <summary>A disciplinary measure (kỷ luật) on a member or cadre: reprimand, warning, removal from post
/// or expulsion, decided by the competent level on a day and in force from a day, usually on a violation
/// an inspection found. Membership records it on the member through <see cref="DisciplineDecided"/>
/// (an expulsion ends the membership, a removal from post ends the Union post); an annulled decision is
/// published again, annulled.</summary>
public sealed class DisciplinaryDecision : AggregateRoot
{
    public const int DecisionNumberMaxLength = 50;
    public const int DecidedByMaxLength = 200;
    public const int ReasonMaxLength = 2000;

    private DisciplinaryDecision() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public string MemberName { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public DisciplinaryMeasure Measure { get; private set; }
    public string DecisionNumber { get; private set; } = "";
    public string DecidedBy { get; private set; } = "";
    public DateOnly DecidedOn { get; private set; }
    public DateOnly EffectiveOn { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid? InspectionId { get; private set; }
    public Guid? FindingId { get; private set; }
    public bool Annulled { get; private set; }
    public string? AnnulReason { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    /// <param name="member">The member, resolved against the organisation: their id, name and unit.</param>
    /// <param name="finding">The violation it answers, if an inspection found it: it must be about this member and be a violation.</param>
    public static DisciplinaryDecision Decide(SubjectOf member, DisciplinaryMeasure? measure, string? decisionNumber, string? decidedBy, DateOnly? decidedOn,
        DateOnly? effectiveOn, string? reason, Inspections.Inspection? inspection, Guid? findingId, string recordedBy, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (measure is null) errors.Add("measure", "Choose the measure: reprimand, warning, removalFromPost or expulsion.");
        var number = errors.Check(() => InspectionText.Required(decisionNumber, "decisionNumber", DecisionNumberMaxLength, "Give the number of the decision."));
        var by = errors.Check(() => InspectionText.Required(decidedBy, "decidedBy", DecidedByMaxLength, "Name the level that decided it (e.g. Ban Thường vụ Đoàn Khối)."));
        var why = errors.Check(() => InspectionText.Required(reason, "reason", ReasonMaxLength, "Say what the measure is for."));
        if (decidedOn is null) errors.Add("decidedOn", "Give the day of the decision.");
        else if (decidedOn > today) errors.Add("decidedOn", "A decision cannot be dated in the future.");
        if (effectiveOn is { } effective && decidedOn is { } decided && effective < decided)
            errors.Add("effectiveOn", "A measure cannot take effect before it is decided.");
        if (findingId is { } id)
        {
            var finding = inspection?.Findings.FirstOrDefault(f => f.Id == id);
            if (finding is null) errors.Add("findingId", $"{id} is not a finding of the inspection named.");
            else if (finding.SubjectId != member.Id) errors.Add("findingId", "That finding is about someone else.");
            else if (!finding.IsViolation) errors.Add("findingId", "That finding is not a violation: discipline answers a violation.");
        }
        errors.ThrowIfAny();
        if (member.Kind != SubjectKind.Person) throw new ValidationFailedException("memberId", "Discipline is decided on a member or cadre, not a unit.");

        var decision = new DisciplinaryDecision
        {
            Id = Guid.CreateVersion7(now), MemberId = member.Id, MemberName = member.Name, UnitId = member.UnitId, Measure = measure!.Value,
            DecisionNumber = number!, DecidedBy = by!, DecidedOn = decidedOn!.Value, EffectiveOn = effectiveOn ?? decidedOn.Value, Reason = why!,
            InspectionId = inspection?.Id, FindingId = findingId, RecordedBy = recordedBy, RecordedAt = now,
        };
        decision.Changed(now);
        return decision;
    }

    /// <summary>The decision is annulled (by the level above, on appeal): membership undoes nothing by
    /// itself, but the member's record shows it annulled.</summary>
    public void Annul(string? reason, DateTimeOffset now)
    {
        if (Annulled) throw new DomainRuleException("The decision is annulled already.");
        AnnulReason = InspectionText.Required(reason, "reason", ReasonMaxLength, "Say why the decision is annulled.");
        Annulled = true;
        Changed(now);
    }

    private void Changed(DateTimeOffset now)
    {
        Version++;
        Raise(new DisciplineDecided
        {
            DecisionId = Id, MemberId = MemberId, UnitId = UnitId, Measure = Measure, DecisionNumber = DecisionNumber, DecidedBy = DecidedBy,
            DecidedOn = DecidedOn, EffectiveOn = EffectiveOn, Reason = Reason, InspectionId = InspectionId, Annulled = Annulled, Version = Version,
            OccurredAt = now,
        });
    }
}
