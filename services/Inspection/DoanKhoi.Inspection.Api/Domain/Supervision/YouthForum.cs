using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Domain.Supervision;

/// <summary>A youth forum ("Tiếng nói thanh niên") or another way the bloc collected youths' opinions:
/// supervision input, recorded with the opinions heard and linked, when it led to one, to an
/// inspection or supervision.</summary>
public sealed class YouthForum : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int OpinionMaxLength = 2000;
    public const int TopicMaxLength = 200;
    public const int MaxOpinions = 500;
    public const int MaxParticipants = 100_000;

    private List<ForumOpinion> _opinions = [];

    private YouthForum() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    /// <summary>The unit that held it, or null for the bloc.</summary>
    public Guid? UnitId { get; private set; }
    public int Participants { get; private set; }
    public Guid? InspectionId { get; private set; }
    public IReadOnlyList<ForumOpinion> Opinions => _opinions;
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static YouthForum Record(string? title, DateOnly? heldOn, Guid? unitId, int? participants, IReadOnlyList<OpinionInput>? opinions, DateOnly today,
        DateTimeOffset now)
    {
        var forum = new YouthForum { Id = Guid.CreateVersion7(now) };
        forum.Correct(title, heldOn, unitId, participants, opinions, today, now);
        return forum;
    }

    public void Correct(string? title, DateOnly? heldOn, Guid? unitId, int? participants, IReadOnlyList<OpinionInput>? opinions, DateOnly today, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var name = errors.Check(() => InspectionText.Required(title, "title", TitleMaxLength, "Name the forum."));
        if (heldOn is null) errors.Add("heldOn", "Give the day the forum was held.");
        else if (heldOn > today) errors.Add("heldOn", "A forum is recorded once it was held: the day cannot be in the future.");
        if (participants is < 0 or > MaxParticipants) errors.Add("participants", $"Participants are between 0 and {MaxParticipants}.");
        var heard = new List<ForumOpinion>();
        var list = opinions ?? [];
        if (list.Count > MaxOpinions) errors.Add("opinions", $"At most {MaxOpinions} opinions; {list.Count} were sent.");
        for (var i = 0; i < list.Count && i < MaxOpinions; i++)
        {
            var index = i;
            var text = errors.Check(() => InspectionText.Required(list[index].Text, $"opinions[{index}].text", OpinionMaxLength, "Write the opinion heard."));
            var topic = list[i].Topic is { } t && t.Trim().Length > 0 ? errors.Check(() => InspectionText.Required(t, $"opinions[{index}].topic", TopicMaxLength, "")) : null;
            if (text is not null) heard.Add(new ForumOpinion(text, topic));
        }
        errors.ThrowIfAny();
        Title = name!;
        HeldOn = heldOn!.Value;
        Year = HeldOn.Year;
        UnitId = unitId;
        Participants = participants ?? 0;
        _opinions.Clear();
        _opinions.AddRange(heard);
        Changed(now);
    }

    /// <summary>Links the forum to the inspection or supervision it fed (or unlinks it with null).</summary>
    public void LinkTo(Inspections.Inspection? inspection, DateTimeOffset now)
    {
        if (inspection?.Status == Contracts.Inspection.InspectionStatus.Cancelled)
            throw new DomainRuleException("That inspection was cancelled: link the forum to one that runs.");
        InspectionId = inspection?.Id;
        Changed(now);
    }

    private void Changed(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>An opinion as the request sends it.</summary>
public sealed record OpinionInput(string? Text, string? Topic);

/// <summary>An opinion heard at a forum, with its topic (jobs, digital transformation, …) if given.</summary>
public sealed record ForumOpinion(string Text, string? Topic);
