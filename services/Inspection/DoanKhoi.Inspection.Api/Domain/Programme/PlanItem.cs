using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Programme;

/// <summary>One line of the year's inspection programme (chương trình kiểm tra, giám sát) of the
/// inspection committee: an inspection or supervision it intends, by kind, topic and quarter, with the
/// units it has in mind. The programme is read against K14: the thematic inspections and supervisions
/// it plans, and those carried out (the inspections that name the line).</summary>
public sealed class PlanItem : AggregateRoot
{
    public const int NoteMaxLength = 2000;
    public const int MaxUnits = 200;

    private PlanItem() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public InspectionKind Kind { get; private set; }
    public string Topic { get; private set; } = "";
    /// <summary>1 to 4.</summary>
    public int Quarter { get; private set; }
    public List<Guid> UnitIds { get; private set; } = [];
    public string? Note { get; private set; }
    public bool Dropped { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Whether K14 counts it: a thematic inspection or a supervision.</summary>
    public bool CountsForK14 => Kind is InspectionKind.Thematic or InspectionKind.Supervision;

    public static PlanItem Plan(int year, InspectionKind? kind, string? topic, int? quarter, IReadOnlyList<Guid>? unitIds, string? note, DateTimeOffset now)
    {
        var item = new PlanItem { Id = Guid.CreateVersion7(now), Year = year };
        item.Correct(kind, topic, quarter, unitIds, note, now);
        return item;
    }

    public void Correct(InspectionKind? kind, string? topic, int? quarter, IReadOnlyList<Guid>? unitIds, string? note, DateTimeOffset now)
    {
        if (Dropped) throw new DomainRuleException("The line was dropped from the programme: it can no longer change.");
        var errors = new FieldErrors();
        if (kind is null) errors.Add("kind", "Choose the kind: regular, thematic, unscheduled, onSignsOfViolation or supervision.");
        var text = errors.Check(() => InspectionText.Required(topic, "topic", Inspections.Inspection.TopicMaxLength, "Name the topic."));
        if (quarter is not (>= 1 and <= 4)) errors.Add("quarter", "Choose the quarter: 1, 2, 3 or 4.");
        var units = (unitIds ?? []).Distinct().ToList();
        if (units.Count > MaxUnits) errors.Add("unitIds", $"At most {MaxUnits} units; {units.Count} were sent.");
        var cleanNote = note is null ? null : DoanKhoi.Text.VietnameseText.Clean(note);
        errors.CheckLength("note", cleanNote, NoteMaxLength);
        errors.ThrowIfAny();
        Kind = kind!.Value;
        Topic = text!;
        Quarter = quarter!.Value;
        UnitIds = units;
        Note = cleanNote is { Length: > 0 } ? cleanNote : null;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Taken out of the programme; kept, so the record shows what was planned and dropped.</summary>
    public void Drop(DateTimeOffset now)
    {
        if (Dropped) throw new DomainRuleException("The line was dropped already.");
        Dropped = true;
        UpdatedAt = now;
        Version++;
    }
}
