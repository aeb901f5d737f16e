using System.ComponentModel.DataAnnotations;
using DoanKhoi.OpenApi;

namespace DoanKhoi.Activities.Domain.Programme;

// The vocabulary of a year's programme (chương trình công tác năm): its movements and their programmes,
// the activity kinds with the quantities each records, the youth-project flags, the bloc's big
// activities (seed VI) and the recurring duties. Data, loaded from Programme/programme-<year>.json,
// so that next year's programme can add a kind without a code change.

public sealed record ProgrammeYear(
    [property: Range(2000, 2100)] int Year,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Theme,
    [property: MaxLength(20)] IReadOnlyList<MovementDefinition> Movements,
    [property: MaxLength(50)] IReadOnlyList<QuantityDefinition> Quantities,
    [property: MaxLength(20)] IReadOnlyList<FlagDefinition> Flags,
    [property: MaxLength(100)] IReadOnlyList<KindDefinition> Kinds,
    [property: MaxLength(100)] IReadOnlyList<BigActivityDefinition> BigActivities,
    [property: MaxLength(50)] IReadOnlyList<DutyDefinition> Duties)
{
    public const int CodeMaxLength = 50;
    public const int NameMaxLength = 300;

    public MovementDefinition? Movement(string? code) => Movements.FirstOrDefault(m => m.Code == code);

    public KindDefinition? Kind(string? code) => Kinds.FirstOrDefault(k => k.Code == code);

    public BigActivityDefinition? BigActivity(int? number) => BigActivities.FirstOrDefault(b => b.Number == number);

    /// <summary>What is wrong with the file, if anything: a code used but not declared, or declared twice.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Unique(string what, IEnumerable<string> codes) =>
            problems.AddRange(codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => $"{what} '{g.Key}' is declared twice."));
        Unique("movement", Movements.Select(m => m.Code));
        Unique("quantity", Quantities.Select(q => q.Code));
        Unique("flag", Flags.Select(f => f.Code));
        Unique("kind", Kinds.Select(k => k.Code));
        var quantities = Quantities.Select(q => q.Code).ToHashSet();
        var flags = Flags.Select(f => f.Code).ToHashSet();
        foreach (var kind in Kinds)
        {
            if (Movement(kind.Movement) is null) problems.Add($"kind '{kind.Code}' belongs to movement '{kind.Movement}', which is not declared.");
            problems.AddRange(kind.Quantities.Where(q => !quantities.Contains(q)).Select(q => $"kind '{kind.Code}' records quantity '{q}', which is not declared."));
            problems.AddRange(kind.Flags.Where(f => !flags.Contains(f)).Select(f => $"kind '{kind.Code}' carries flag '{f}', which is not declared."));
        }
        foreach (var big in BigActivities)
        {
            if (Kind(big.Kind) is null) problems.Add($"big activity {big.Number} is of kind '{big.Kind}', which is not declared.");
            if (big.Months.Any(m => m is < 1 or > 12)) problems.Add($"big activity {big.Number} has a month outside 1-12.");
        }
        foreach (var duty in Duties.Where(d => d.Kind is not null && Kind(d.Kind) is null))
            problems.Add($"duty '{duty.Code}' counts kind '{duty.Kind}', which is not declared.");
        foreach (var duty in Duties)
        {
            if (duty.Period == "occasion" && duty.Occasions.Count == 0) problems.Add($"duty '{duty.Code}' is counted by occasion but names none.");
            foreach (var occasion in duty.Occasions.Where(o => (o.Solar is null) == (o.Lunar is null) || !IsMonthDay(o.Solar ?? o.Lunar!)))
                problems.Add($"duty '{duty.Code}': the occasion '{occasion.Name}' needs either a solar or a lunar day written MM-dd.");
        }
        return problems;
    }

    private static bool IsMonthDay(string text) =>
        text.Length == 5 && text[2] == '-' && int.TryParse(text[..2], out var month) && int.TryParse(text[3..], out var day)
        && month is >= 1 and <= 12 && day is >= 1 and <= 30;
}

public sealed record MovementDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string EnglishName,
    [property: MaxLength(100)] IReadOnlyList<ProgrammeDefinition> Programmes);

/// <summary>A programme or campaign within a movement (Xuân tình nguyện, Chiến dịch Thanh niên tình nguyện Hè, …).</summary>
public sealed record ProgrammeDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name);

/// <summary>A number an activity records when held (trees planted, blood units, …), with its unit word.</summary>
public sealed record QuantityDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Unit);

/// <summary>A flag of a youth project: border area, new-rural commune, civilised urban, green office, social security.</summary>
public sealed record FlagDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name);

public sealed record KindDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string EnglishName,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Movement,
    [property: MaxLength(50), ItemMaxLength(ProgrammeYear.CodeMaxLength)] IReadOnlyList<string> Quantities,
    [property: MaxLength(20), ItemMaxLength(ProgrammeYear.CodeMaxLength)] IReadOnlyList<string> Flags,
    [property: MaxLength(50)] IReadOnlyList<SubtypeDefinition> Subtypes);

/// <summary>A subtype of a kind, e.g. digital-transformation outreach on online public services and e-payment.</summary>
public sealed record SubtypeDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name);

/// <summary>One of the bloc's big activities of the year (seed VI), with the months it falls in.</summary>
public sealed record BigActivityDefinition(
    [property: Range(1, 100)] int Number,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Title,
    [property: MaxLength(12)] IReadOnlyList<int> Months,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Movement);

/// <summary>A recurring duty: <see cref="Count"/> activities (of <see cref="Kind"/>, or any kind when null)
/// by each bloc, cluster or unit (<see cref="Organiser"/>) per year, quarter or occasion.</summary>
public sealed record DutyDefinition(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: AllowedValues("bloc", "cluster", "unit")] string Organiser,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Kind,
    [property: AllowedValues("year", "quarter", "occasion")] string Period,
    [property: Range(1, 100)] int Count,
    [property: MaxLength(10)] IReadOnlyList<OccasionDefinition> Occasions);

/// <summary>A day a duty falls around: a solar date ("06-01") or a lunar one ("08-15", Mid-Autumn), give or take <see cref="WindowDays"/>.</summary>
public sealed record OccasionDefinition(
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(5)] string? Solar,
    [property: StringLength(5)] string? Lunar,
    [property: Range(0, 90)] int WindowDays);
