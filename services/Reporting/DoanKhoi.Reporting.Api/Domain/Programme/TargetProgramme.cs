using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using DoanKhoi.OpenApi;
using DoanKhoi.Problems;

namespace DoanKhoi.Reporting.Domain.Programme;

// A year's programme as reporting counts it (seed IV and VII.3): its targets (chỉ tiêu), each made of
// measures; its reporting calendar; the figures units submit; the weights of the emulation scoreboard.
// Data, not code: a measure is a definition over the facts reporting keeps (which source, which kinds,
// which quantity, which organiser level), so the standing committee copies 2023's programme to 2024,
// changes its numbers and adds or drops a target without a release.

public sealed record TargetProgramme(
    [property: Range(2000, 2100)] int Year,
    DateOnly StartsOn,
    DateOnly EndsOn,
    [property: MaxLength(TargetProgramme.MaxTargets)] IReadOnlyList<TargetDefinition> Targets,
    [property: MaxLength(TargetProgramme.MaxReports)] IReadOnlyList<ReportDefinition> Reports,
    [property: MaxLength(3), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string> ExemptUnitKinds,
    [property: MaxLength(TargetProgramme.MaxFigures)] IReadOnlyList<FigureDefinition> Figures,
    ScoreboardDefinition Scoreboard)
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 400;
    public const int MaxTargets = 40;
    public const int MaxMeasures = 10;
    public const int MaxReports = 40;
    public const int MaxFigures = 60;
    public const int MaxListItems = 30;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [JsonIgnore]
    public IEnumerable<MeasureDefinition> Measures => Targets.SelectMany(t => t.Measures);

    public MeasureDefinition? Measure(string code) => Measures.FirstOrDefault(m => m.Code == code);

    public TargetDefinition? TargetOf(string measureCode) => Targets.FirstOrDefault(t => t.Measures.Any(m => m.Code == measureCode));

    public ReportDefinition? Report(string code) => Reports.FirstOrDefault(r => r.Code == code);

    /// <summary>The share of the programme's year gone by the end of <paramref name="day"/>: 0 before it starts, 1 after it ends.</summary>
    public decimal Elapsed(DateOnly day) =>
        day < StartsOn ? 0 : day >= EndsOn ? 1 : (decimal)(day.DayNumber - StartsOn.DayNumber + 1) / (EndsOn.DayNumber - StartsOn.DayNumber + 1);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TargetProgramme FromJson(string json) =>
        JsonSerializer.Deserialize<TargetProgramme>(json, Json) ?? throw new InvalidOperationException("The programme is empty.");

    /// <summary>Everything wrong with the programme, by the field of its document: a code declared twice,
    /// a source or quantity that does not exist, a goal that cannot be met.</summary>
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (Year is < 2000 or > 2100) errors.Add("year", "The year must be between 2000 and 2100.");
        if (EndsOn <= StartsOn) errors.Add("endsOn", $"The programme ends on {EndsOn:dd/MM/yyyy}, not after it starts ({StartsOn:dd/MM/yyyy}).");
        if (StartsOn.Year != Year) errors.Add("startsOn", $"The programme of {Year} starts in {Year}.");
        if (Targets is null or { Count: 0 }) errors.Add("targets", "A programme needs at least one target.");
        Unique(errors, "targets", (Targets ?? []).Select(t => t.Code));
        Unique(errors, "measures", Measures.Select(m => m.Code));
        Unique(errors, "reports", (Reports ?? []).Select(r => r.Code));
        Unique(errors, "figures", (Figures ?? []).Select(f => f.Code));
        for (var t = 0; t < (Targets?.Count ?? 0); t++) Targets![t].Check(errors, $"targets[{t}]");
        for (var r = 0; r < (Reports?.Count ?? 0); r++) Reports![r].Check(errors, $"reports[{r}]", this);
        for (var f = 0; f < (Figures?.Count ?? 0); f++) Figures![f].Check(errors, $"figures[{f}]");
        foreach (var kind in ExemptUnitKinds ?? [])
            if (kind is not ("agency" or "enterprise" or "school")) errors.Add("exemptUnitKinds", $"'{kind}' is not a kind of unit: use agency, enterprise or school.");
        if (Scoreboard is null || Scoreboard.PunctualityWeight is < 0 or > 100) errors.Add("scoreboard.punctualityWeight", "A weight is between 0 and 100.");
        if (Scoreboard is { SeriousFindingPenalty: < 0 or > 100 }) errors.Add("scoreboard.seriousFindingPenalty", "A penalty is between 0 and 100 points.");
        if (Scoreboard is { OverdueRecommendationPenalty: < 0 or > 100 }) errors.Add("scoreboard.overdueRecommendationPenalty", "A penalty is between 0 and 100 points.");
        return errors;
    }

    private static void Unique(FieldErrors errors, string field, IEnumerable<string> codes)
    {
        foreach (var code in codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
            errors.Add(field, $"The code '{code}' is used twice.");
    }

    internal static void CheckCode(FieldErrors errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) errors.Add(field, "A code is required.");
        else if (code.Length > CodeMaxLength) errors.Add(field, $"A code is at most {CodeMaxLength} characters.");
    }

    internal static void CheckName(FieldErrors errors, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(field, "A name is required.");
        else if (name.Length > NameMaxLength) errors.Add(field, $"A name is at most {NameMaxLength} characters.");
    }
}

/// <summary>A target (chỉ tiêu) of the programme, K01 to K14 in 2023, and its weight on the scoreboard.</summary>
public sealed record TargetDefinition(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    [property: Range(0, 100)] int Weight,
    [property: MaxLength(TargetProgramme.MaxMeasures)] IReadOnlyList<MeasureDefinition> Measures)
{
    internal void Check(FieldErrors errors, string at)
    {
        TargetProgramme.CheckCode(errors, $"{at}.code", Code);
        TargetProgramme.CheckName(errors, $"{at}.name", Name);
        if (Weight is < 0 or > 100) errors.Add($"{at}.weight", "A weight is between 0 and 100.");
        if (Measures is null or { Count: 0 }) errors.Add($"{at}.measures", "A target needs at least one measure.");
        else if (Measures.Count > TargetProgramme.MaxMeasures) errors.Add($"{at}.measures", $"A target has at most {TargetProgramme.MaxMeasures} measures.");
        else for (var m = 0; m < Measures.Count; m++) Measures[m].Check(errors, $"{at}.measures[{m}]");
    }
}

/// <summary>Whether a node's count is compared as it is, or the units or clusters that reach a threshold are counted.</summary>
public enum Each
{
    /// <summary>The count itself (a sum for the bloc), or its share of "of".</summary>
    None,
    /// <summary>"100 % of units with at least N": the share of the units that reach <c>atLeast</c> (or their quota).</summary>
    Unit,
    /// <summary>"Each cluster at least N": the share of the clusters whose count reaches <c>atLeast</c>.</summary>
    Cluster,
}

/// <summary>One thing a target measures, e.g. K08's "at least 200 blood units".</summary>
public sealed record MeasureDefinition(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    FactCount Count,
    FactCount? Of,
    Each Each,
    [property: Range(1, 1_000_000)] int? AtLeast,
    /// <summary>"ideas": each unit's own threshold is its yearly quota of creative ideas (set in activities).</summary>
    [property: AllowedValues(null, "ideas")] string? Quota,
    Goal Goal,
    bool Paced = true)
{
    /// <summary>Whether the measure's value is a percentage (a share of "of", or of the units or clusters).</summary>
    [JsonIgnore]
    public bool IsShare => Of is not null || Each != Each.None;

    internal void Check(FieldErrors errors, string at)
    {
        TargetProgramme.CheckCode(errors, $"{at}.code", Code);
        TargetProgramme.CheckName(errors, $"{at}.name", Name);
        if (Count is null) errors.Add($"{at}.count", "A measure needs what it counts.");
        else Count.Check(errors, $"{at}.count");
        Of?.Check(errors, $"{at}.of");
        if (Each != Each.None && AtLeast is null) errors.Add($"{at}.atLeast", "A measure over each unit or cluster needs the count each must reach (atLeast).");
        if (Each != Each.None && Of is not null) errors.Add($"{at}.of", "A measure over each unit or cluster is a share of the units or clusters already: leave 'of' out.");
        if (Each == Each.None && AtLeast is not null) errors.Add($"{at}.atLeast", "'atLeast' is the threshold of each unit or cluster: set 'each' too.");
        if (Quota is not null && (Quota != "ideas" || Each != Each.Unit)) errors.Add($"{at}.quota", "The only quota is 'ideas', over each unit.");
        if (Goal is null || (Goal.AtLeast is null) == (Goal.AtMost is null)) errors.Add($"{at}.goal", "A goal is either atLeast or atMost a number.");
        else if (Goal.AtLeast < 0 || Goal.AtMost < 0) errors.Add($"{at}.goal", "A goal cannot be negative.");
        else if (IsShare && (Goal.AtLeast ?? Goal.AtMost) > 100) errors.Add($"{at}.goal", "The goal of a share is a percentage, at most 100.");
    }
}

/// <summary>The sources of facts a measure counts from.</summary>
public static class FactSource
{
    public const string Activities = "activities";
    public const string Quantity = "quantity";
    public const string Attendances = "attendances";
    public const string Ideas = "ideas";
    public const string Admissions = "admissions";
    public const string PartyRecommendations = "party-recommendations";
    public const string MemberGrades = "member-grades";
    public const string UnitGrades = "unit-grades";
    public const string Members = "members";
    public const string Youths = "youths";
    public const string Inspections = "inspections";
    public const string Reported = "reported";
    public static readonly string[] All = [Activities, Quantity, Attendances, Ideas, Admissions, PartyRecommendations, MemberGrades, UnitGrades, Members, Youths, Inspections, Reported];
}

/// <summary>What a measure counts: one source of facts and the filters on it.</summary>
public sealed record FactCount(
    [property: AllowedValues(FactSource.Activities, FactSource.Quantity, FactSource.Attendances, FactSource.Ideas, FactSource.Admissions,
        FactSource.PartyRecommendations, FactSource.MemberGrades, FactSource.UnitGrades, FactSource.Members, FactSource.Youths,
        FactSource.Inspections, FactSource.Reported)] string Source,
    [property: MaxLength(TargetProgramme.MaxListItems), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? Kinds = null,
    [property: MaxLength(TargetProgramme.MaxListItems), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? Subtypes = null,
    /// <summary>An activity counts when it carries any of these flags.</summary>
    [property: MaxLength(TargetProgramme.MaxListItems), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? Flags = null,
    /// <summary>bloc, cluster or unit: the organiser levels whose activities count (all by default).</summary>
    [property: MaxLength(3), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? Organisers = null,
    [property: StringLength(TargetProgramme.CodeMaxLength)] string? Quantity = null,
    /// <summary>For attendances: count the members who attended at least this many, not the attendances.</summary>
    [property: Range(1, 1000)] int? PerMember = null,
    [property: MaxLength(4), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? Grades = null,
    [property: MaxLength(6), ItemMaxLength(TargetProgramme.CodeMaxLength)] IReadOnlyList<string>? InspectionKinds = null,
    /// <summary>For reported: the figure of the reports (figures[].code).</summary>
    [property: StringLength(TargetProgramme.CodeMaxLength)] string? Figure = null)
{
    private static readonly string[] GradeNames = ["excellent", "good", "pass", "fail"];
    private static readonly string[] OrganiserNames = ["bloc", "cluster", "unit"];

    /// <summary>Whether the source counts activities (and their quantities, or who attended them).</summary>
    [JsonIgnore]
    public bool IsAboutActivities => Source is FactSource.Activities or FactSource.Quantity or FactSource.Attendances;

    internal void Check(FieldErrors errors, string at)
    {
        if (!FactSource.All.Contains(Source)) { errors.Add($"{at}.source", $"'{Source}' is not a source: use one of {string.Join(", ", FactSource.All)}."); return; }
        if (Source == FactSource.Quantity && string.IsNullOrWhiteSpace(Quantity)) errors.Add($"{at}.quantity", "A count of a quantity names the quantity (e.g. trees-planted).");
        if (Source != FactSource.Quantity && Quantity is not null) errors.Add($"{at}.quantity", "Only the source 'quantity' sums a quantity.");
        if (PerMember is not null && Source != FactSource.Attendances) errors.Add($"{at}.perMember", "Only the source 'attendances' counts per member.");
        if (!IsAboutActivities && (Kinds is { Count: > 0 } || Subtypes is { Count: > 0 } || Flags is { Count: > 0 } || Organisers is { Count: > 0 }))
            errors.Add($"{at}.kinds", "Kinds, subtypes, flags and organisers filter activities: the source does not count activities.");
        if (Grades is { Count: > 0 } && Source is not (FactSource.MemberGrades or FactSource.UnitGrades)) errors.Add($"{at}.grades", "Only the grades' sources filter by grade.");
        foreach (var grade in (Grades ?? []).Where(g => !GradeNames.Contains(g)))
            errors.Add($"{at}.grades", $"'{grade}' is not a grade: use excellent, good, pass or fail.");
        foreach (var organiser in (Organisers ?? []).Where(o => !OrganiserNames.Contains(o)))
            errors.Add($"{at}.organisers", $"'{organiser}' is not an organiser level: use bloc, cluster or unit.");
        if (Source == FactSource.Reported && string.IsNullOrWhiteSpace(Figure)) errors.Add($"{at}.figure", "A count of reported figures names the figure.");
        foreach (var (field, list) in new[] { ("kinds", Kinds), ("subtypes", Subtypes), ("flags", Flags), ("inspectionKinds", InspectionKinds) })
            if (list?.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > TargetProgramme.CodeMaxLength) == true)
                errors.Add($"{at}.{field}", $"A code is at most {TargetProgramme.CodeMaxLength} characters.");
    }
}

/// <summary>The goal of a measure: at least (or at most) a number, a percentage for a share.</summary>
public sealed record Goal([property: Range(0, 1_000_000_000)] decimal? AtLeast, [property: Range(0, 1_000_000_000)] decimal? AtMost)
{
    public bool IsMetBy(decimal value) => AtLeast is { } least ? value >= least : value <= AtMost!.Value;
}

/// <summary>A report of the calendar (seed VII.3): due by the end of <see cref="Due"/> in Vietnam time,
/// covering <see cref="From"/> to <see cref="To"/> when it reports figures.</summary>
public sealed record ReportDefinition(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    DateOnly Due,
    DateOnly? From = null,
    DateOnly? To = null,
    /// <summary>The annual report carries the commendation dossiers (hồ sơ đề nghị khen thưởng).</summary>
    bool Commendations = false,
    /// <summary>A thematic report (báo cáo chuyên đề), with the date the bloc set.</summary>
    bool Thematic = false)
{
    internal void Check(FieldErrors errors, string at, TargetProgramme programme)
    {
        TargetProgramme.CheckCode(errors, $"{at}.code", Code);
        TargetProgramme.CheckName(errors, $"{at}.name", Name);
        if (Due.Year < programme.Year - 1 || Due.Year > programme.Year + 1) errors.Add($"{at}.due", $"The report is due in or next to {programme.Year}.");
        if ((From is null) != (To is null)) errors.Add($"{at}.to", "A report's period has both its first and its last day, or neither.");
        else if (From > To) errors.Add($"{at}.to", $"The period ends ({To:dd/MM/yyyy}) before it starts ({From:dd/MM/yyyy}).");
    }
}

/// <summary>A figure a report asks for; when DoanKhoi counts it (<see cref="Count"/>), the form is prefilled with it.</summary>
public sealed record FigureDefinition(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    FactCount? Count = null)
{
    internal void Check(FieldErrors errors, string at)
    {
        TargetProgramme.CheckCode(errors, $"{at}.code", Code);
        TargetProgramme.CheckName(errors, $"{at}.name", Name);
        if (Count?.Source is FactSource.Reported) errors.Add($"{at}.count", "A figure is prefilled from what DoanKhoi records, not from another report.");
        Count?.Check(errors, $"{at}.count");
    }
}

/// <summary>How the emulation scoreboard weighs the punctuality of reports beside the targets' weights, and
/// what an inspection's follow-up takes off a unit's points: for each serious finding still open and each
/// recommendation past its due day and not done (the unit's standing today).</summary>
public sealed record ScoreboardDefinition(
    [property: Range(0, 100)] int PunctualityWeight,
    [property: Range(0, 100)] decimal SeriousFindingPenalty = 0,
    [property: Range(0, 100)] decimal OverdueRecommendationPenalty = 0);
