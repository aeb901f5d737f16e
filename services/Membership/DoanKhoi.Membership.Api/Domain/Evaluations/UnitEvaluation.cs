using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Evaluations;

/// <summary>A unit's grade for a year, given by the bloc's standing committee. One per unit and year.</summary>
public sealed class UnitEvaluation : AggregateRoot
{
    private UnitEvaluation() { }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public Grade Grade { get; private set; }
    public string? Note { get; private set; }
    public string GradedBy { get; private set; } = "";
    public DateTimeOffset GradedAt { get; private set; }
    public int Version { get; private set; }

    public static (UnitEvaluation Evaluation, bool Changed) Give(EvaluationYear year, UnitEvaluation? existing, Unit unit,
        Grade grade, string? note, Decision decision)
    {
        year.EnsureOpen();
        if (unit.Status == UnitStatus.Closed && unit.ClosedOn?.Year < year.Year)
            throw new DomainRuleException($"The unit {unit.Name} was closed on {unit.ClosedOn:dd/MM/yyyy}, before {year.Year}: there is nothing to evaluate.");
        note = string.IsNullOrWhiteSpace(note) ? null : Text.VietnameseText.Clean(note);
        if (note?.Length > MemberEvaluation.MaxNoteLength) throw new ValidationFailedException("note", $"A note is at most {MemberEvaluation.MaxNoteLength} characters.");
        var evaluation = existing ?? new UnitEvaluation { Id = Guid.CreateVersion7(decision.At), UnitId = unit.Id, Year = year.Year };
        if (existing is not null && existing.Grade == grade && existing.Note == note) return (existing, false);
        evaluation.Grade = grade;
        evaluation.Note = note;
        evaluation.GradedBy = decision.By;
        evaluation.GradedAt = decision.At;
        evaluation.Version++;
        evaluation.Raise(new UnitEvaluated
        {
            UnitId = unit.Id, ClusterId = unit.ClusterId, Year = year.Year, Grade = grade, Version = evaluation.Version,
            EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
        return (evaluation, true);
    }
}
