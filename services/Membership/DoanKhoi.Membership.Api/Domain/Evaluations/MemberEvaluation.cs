using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Evaluations;

/// <summary>A member's grade for a year, given by the unit the member belongs to. One per member and
/// year; changing it raises its version (the audit trail keeps what it was).</summary>
public sealed class MemberEvaluation : AggregateRoot
{
    public const int MaxNoteLength = 500;

    private MemberEvaluation() { }

    public Guid Id { get; private set; }
    public Guid MemberId { get; private set; }
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid? BranchId { get; private set; }
    public Grade Grade { get; private set; }
    public string? Note { get; private set; }
    public string GradedBy { get; private set; } = "";
    public DateTimeOffset GradedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Grades <paramref name="member"/> for the year, or changes the grade it has; returns
    /// false when nothing changes. The year must be open, and the member one of the unit's in it.</summary>
    public static (MemberEvaluation Evaluation, bool Changed) Give(EvaluationYear year, MemberEvaluation? existing, Member member,
        Grade grade, string? note, Decision decision)
    {
        year.EnsureOpen();
        EnsureGradable(member, year.Year);
        note = string.IsNullOrWhiteSpace(note) ? null : Text.VietnameseText.Clean(note);
        if (note?.Length > MaxNoteLength) throw new ValidationFailedException("note", $"A note is at most {MaxNoteLength} characters.");
        var evaluation = existing ?? new MemberEvaluation { Id = Guid.CreateVersion7(decision.At), MemberId = member.Id, Year = year.Year };
        if (existing is not null && existing.Grade == grade && existing.Note == note && existing.UnitId == member.UnitId) return (existing, false);
        evaluation.Grade = grade;
        evaluation.Note = note;
        evaluation.UnitId = member.UnitId;
        evaluation.BranchId = member.BranchId;
        evaluation.GradedBy = decision.By;
        evaluation.GradedAt = decision.At;
        evaluation.Version++;
        evaluation.Raise(new MemberEvaluated
        {
            MemberId = member.Id, UnitId = member.UnitId, BranchId = member.BranchId, Year = year.Year, Grade = grade,
            Version = evaluation.Version, EffectiveOn = decision.EffectiveOn, OccurredAt = decision.At,
        });
        return (evaluation, true);
    }

    /// <summary>A member is graded for a year they were a member in, while they are one.</summary>
    public static void EnsureGradable(Member member, int year)
    {
        if (member.Status is MemberStatus.Matured or MemberStatus.Left)
            throw new DomainRuleException($"{member.FullName} is no longer a member ({member.Status.ToString().ToLowerInvariant()} on {member.LeftOn:dd/MM/yyyy}); their evaluations no longer change.");
        if (member.JoinedUnionOn.Year > year)
            throw new DomainRuleException($"{member.FullName} joined the Union on {member.JoinedUnionOn:dd/MM/yyyy}, after {year}: there is nothing to evaluate for {year}.");
    }
}
