using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain;

/// <summary>How many non-member youths (thanh niên) a unit reaches, as of a day. The unit's present
/// count is that of its latest day; a count of the same day again corrects it (its version grows).</summary>
public sealed class YouthCount : AggregateRoot
{
    public const int MaxYouths = 100_000;
    public const int MaxNoteLength = 500;

    private YouthCount() { }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public DateOnly CountedOn { get; private set; }
    public int Youths { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Records the count of <paramref name="countedOn"/>, or corrects the one recorded for that
    /// day; returns false when nothing changes.</summary>
    public static (YouthCount Count, bool Changed) Record(Unit unit, YouthCount? sameDay, DateOnly countedOn, int youths, string? note, Decision decision)
    {
        if (unit.Status == UnitStatus.Closed) throw new DomainRuleException($"The unit {unit.Name} is closed; it records no more youths.");
        var errors = new FieldErrors();
        if (youths is < 0 or > MaxYouths) errors.Add("youths", $"The number of youths is from 0 to {MaxYouths:N0}.");
        note = string.IsNullOrWhiteSpace(note) ? null : Text.VietnameseText.Clean(note);
        if (note?.Length > MaxNoteLength) errors.Add("note", $"A note is at most {MaxNoteLength} characters.");
        errors.ThrowIfAny();
        var count = sameDay ?? new YouthCount { Id = Guid.CreateVersion7(decision.At), UnitId = unit.Id, CountedOn = countedOn };
        if (sameDay is not null && sameDay.Youths == youths && sameDay.Note == note) return (sameDay, false);
        count.Youths = youths;
        count.Note = note;
        count.RecordedBy = decision.By;
        count.RecordedAt = decision.At;
        count.Version++;
        count.Raise(new YouthCountRecorded
        {
            UnitId = unit.Id, CountedOn = countedOn, Youths = youths, Version = count.Version, EffectiveOn = countedOn, OccurredAt = decision.At,
        });
        return (count, true);
    }
}
