using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Activities.Domain.Activities;

public static class ActivityLimits
{
    public const int TitleMaxLength = 300;
    public const int PlaceMaxLength = 300;
    public const int NoteMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int MaxCoOrganisers = 50;
    public const int MaxEvidence = 20;
    public const int EvidenceMaxLength = 1000;
    public const int MaxQuantity = 1_000_000;
    /// <summary>The longest an activity runs: a summer campaign lasts three months.</summary>
    public const int MaxDays = 366;
}

/// <summary>The bloc, or the cluster or unit, that organised an activity.</summary>
public sealed record Organiser(OrganiserLevel Level, Guid? Id)
{
    public static readonly Organiser Bloc = new(OrganiserLevel.Bloc, null);
}

/// <summary>What an activity is, checked against its year's programme: every field at fault is reported at once.</summary>
public sealed record ActivityDetails(
    string Title, MovementDefinition Movement, string? Programme, KindDefinition Kind, string? Subtype, int? BigActivity,
    IReadOnlyList<Guid> CoOrganiserIds, DateOnly StartsOn, DateOnly EndsOn, string? Place, string? Note, IReadOnlyList<string>? Evidence)
{
    public static ActivityDetails Create(ProgrammeCatalogue catalogue, string? title, string? movement, string? programme, string? kind,
        string? subtype, int? bigActivity, IReadOnlyList<Guid>? coOrganiserIds, DateOnly? startsOn, DateOnly? endsOn, string? place,
        string? note, IReadOnlyList<string>? evidence)
    {
        var errors = new FieldErrors();
        title = Clean(title);
        if (string.IsNullOrEmpty(title)) errors.Add("title", "A title is required, e.g. 'Ra quân Tết trồng cây 2023'.");
        errors.CheckLength("title", title, ActivityLimits.TitleMaxLength);
        place = Clean(place);
        errors.CheckLength("place", place, ActivityLimits.PlaceMaxLength);
        note = note?.Trim().Normalize();
        errors.CheckLength("note", note, ActivityLimits.NoteMaxLength);

        if (startsOn is null) errors.Add("startsOn", "The first day is required (yyyy-MM-dd).");
        var first = startsOn ?? default;
        var last = endsOn ?? first;
        if (startsOn is { } s && (s.Year < 2000 || s.Year > 2100)) errors.Add("startsOn", "The first day must be between 2000 and 2100.");
        if (startsOn is not null && last < first) errors.Add("endsOn", $"The last day ({last:dd/MM/yyyy}) is before the first ({first:dd/MM/yyyy}).");
        else if (startsOn is not null && last.DayNumber - first.DayNumber >= ActivityLimits.MaxDays)
            errors.Add("endsOn", $"An activity runs at most {ActivityLimits.MaxDays} days; record a longer campaign as several activities.");

        var year = catalogue.For(startsOn?.Year ?? catalogue.Years.Max());
        var kindDefinition = year.Kind(kind);
        if (kindDefinition is null)
            errors.Add("kind", string.IsNullOrWhiteSpace(kind)
                ? ProblemText.Of($"The kind of activity is required: one of the programme of {year.Year} (GET /programme).")
                : ProblemText.Of($"'{kind}' is not a kind of activity in the programme of {year.Year} (GET /programme)."));
        var movementDefinition = year.Movement(string.IsNullOrWhiteSpace(movement) ? kindDefinition?.Movement : movement);
        if (movementDefinition is null && !string.IsNullOrWhiteSpace(movement))
            errors.Add("movement", $"'{movement}' is not a movement in the programme of {year.Year} (GET /programme).");
        if (programme is not null && movementDefinition is not null && movementDefinition.Programmes.All(p => p.Code != programme))
            errors.Add("programme", $"'{programme}' is not a programme of the movement '{movementDefinition.Code}'.");
        if (subtype is not null && kindDefinition is not null && kindDefinition.Subtypes.All(t => t.Code != subtype))
            errors.Add("subtype", $"'{subtype}' is not a subtype of the kind '{kindDefinition.Code}'.");
        if (bigActivity is not null && year.BigActivity(bigActivity) is null)
            errors.Add("bigActivity", $"The programme of {year.Year} has no big activity number {bigActivity}.");

        var coOrganisers = (coOrganiserIds ?? []).Distinct().ToList();
        if (coOrganisers.Count > ActivityLimits.MaxCoOrganisers)
            errors.Add("coOrganiserIds", $"At most {ActivityLimits.MaxCoOrganisers} co-organisers; {coOrganisers.Count} were sent.");
        var links = CheckEvidence(errors, evidence);
        errors.ThrowIfAny();
        return new(title!, movementDefinition!, programme, kindDefinition!, subtype, bigActivity, coOrganisers, first, last, place, note, links);
    }

    private static string? Clean(string? text) => text is null ? null : VietnameseText.Clean(text) is { Length: > 0 } clean ? clean : null;

    /// <summary>Evidence is links (to photos, documents, a news item): absolute http(s) addresses.</summary>
    internal static List<string>? CheckEvidence(FieldErrors errors, IReadOnlyList<string>? evidence)
    {
        if (evidence is null) return null;
        if (evidence.Count > ActivityLimits.MaxEvidence)
            errors.Add("evidence", $"At most {ActivityLimits.MaxEvidence} pieces of evidence; {evidence.Count} were sent.");
        var links = new List<string>();
        for (var i = 0; i < evidence.Count && i < ActivityLimits.MaxEvidence; i++)
        {
            var link = evidence[i]?.Trim() ?? "";
            if (link.Length > ActivityLimits.EvidenceMaxLength)
                errors.Add($"evidence[{i}]", $"A link is at most {ActivityLimits.EvidenceMaxLength} characters long.");
            else if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                errors.Add($"evidence[{i}]", $"'{link}' is not a link: give the address of the photo, document or news item, starting with https://.");
            else links.Add(uri.ToString());
        }
        return links;
    }
}

/// <summary>What happened at a held activity: the quantities its kind records, its flags, evidence and a note.</summary>
public sealed record ActivityOutcome(IReadOnlyDictionary<string, int> Quantities, IReadOnlyList<string> Flags, IReadOnlyList<string>? Evidence, string? Note)
{
    public static ActivityOutcome Create(IReadOnlyDictionary<string, int>? quantities, IReadOnlyList<string>? flags, IReadOnlyList<string>? evidence, string? note)
    {
        var errors = new FieldErrors();
        var counted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, value) in quantities ?? new Dictionary<string, int>())
        {
            if (value < 0) errors.Add($"quantities.{code}", $"A quantity cannot be negative; {value} was sent.");
            else if (value > ActivityLimits.MaxQuantity) errors.Add($"quantities.{code}", $"A quantity is at most {ActivityLimits.MaxQuantity}; {value} was sent.");
            else counted[code] = value;
        }
        note = note?.Trim().Normalize();
        errors.CheckLength("note", note, ActivityLimits.NoteMaxLength);
        var links = ActivityDetails.CheckEvidence(errors, evidence);
        errors.ThrowIfAny();
        return new(counted, (flags ?? []).Select(f => f.Trim()).Distinct().ToList(), links, note);
    }

    public bool FitsKind(KindDefinition kind) =>
        Quantities.Keys.All(kind.Quantities.Contains) && Flags.All(kind.Flags.Contains);

    /// <summary>Refuses (400) a quantity or flag the kind does not record, naming what it does record.</summary>
    public void CheckAgainst(KindDefinition kind)
    {
        var errors = new FieldErrors();
        foreach (var code in Quantities.Keys.Where(q => !kind.Quantities.Contains(q)))
            errors.Add($"quantities.{code}", kind.Quantities.Count == 0
                ? ProblemText.Of($"An activity of the kind '{kind.Code}' records no quantities.")
                : ProblemText.Of($"An activity of the kind '{kind.Code}' does not record '{code}'; it records {string.Join(", ", kind.Quantities)}."));
        foreach (var flag in Flags.Where(f => !kind.Flags.Contains(f)))
            errors.Add("flags", kind.Flags.Count == 0
                ? ProblemText.Of($"An activity of the kind '{kind.Code}' carries no flags.")
                : ProblemText.Of($"'{flag}' is not a flag of the kind '{kind.Code}'; it carries {string.Join(", ", kind.Flags)}."));
        errors.ThrowIfAny();
    }
}
