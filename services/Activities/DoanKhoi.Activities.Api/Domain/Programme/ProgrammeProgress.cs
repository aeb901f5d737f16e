using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DoanKhoi.Activities.Domain.Calendar;
using DoanKhoi.Contracts.Activities;

namespace DoanKhoi.Activities.Domain.Programme;

/// <summary>What an activity counts as on the programme's calendar.</summary>
public sealed record ActivityFact(OrganiserLevel Level, Guid? OrganiserId, string Kind, ActivityStatus Status, DateOnly StartsOn, int? BigActivity);

/// <summary>A bloc, cluster or unit a duty falls on.</summary>
public sealed record DutyHolder(OrganiserLevel Level, Guid? Id, string Name);

public enum DutyState
{
    /// <summary>Held as often as required.</summary>
    Met,
    /// <summary>Not yet, and the period is not over.</summary>
    Pending,
    /// <summary>The period is over without it.</summary>
    Missed,
}

public sealed record BigActivityProgress(
    [property: Range(1, 100)] int Number,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Title,
    [property: MaxLength(12)] IReadOnlyList<int> Months,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Kind,
    [property: Range(0, int.MaxValue)] int Planned,
    [property: Range(0, int.MaxValue)] int Held,
    DutyState State);

/// <summary>One holder's duty in one period (a quarter, the year, an occasion's window).</summary>
public sealed record DutyRow(
    OrganiserLevel Level,
    Guid? OrganiserId,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string OrganiserName,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Period,
    DateOnly From,
    DateOnly To,
    [property: Range(0, int.MaxValue)] int Held,
    [property: Range(1, 100)] int Required,
    DutyState State);

public sealed record DutyProgress(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Organiser,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string? Kind,
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Period,
    [property: Range(1, 100)] int Count,
    [property: MaxLength(DutyProgress.MaxRows)] IReadOnlyList<DutyRow> Rows)
{
    /// <summary>Every unit of the bloc in every quarter, with room to spare.</summary>
    public const int MaxRows = 2000;
}

/// <summary>The year's programme against what was held: each big activity of the calendar, each recurring
/// duty for each bloc, cluster or unit it falls on, as met, pending or missed on <c>today</c>.</summary>
public static class ProgrammeProgress
{
    public static IReadOnlyList<BigActivityProgress> BigActivities(ProgrammeYear programme, IReadOnlyList<ActivityFact> activities, DateOnly today) =>
        programme.BigActivities.Select(big =>
        {
            var linked = activities.Where(a => a.BigActivity == big.Number && a.StartsOn.Year == programme.Year && a.Status != ActivityStatus.Cancelled).ToList();
            var held = linked.Count(a => a.Status == ActivityStatus.Held);
            var lastDay = new DateOnly(programme.Year, big.Months.Max(), 1).AddMonths(1).AddDays(-1);
            return new BigActivityProgress(big.Number, big.Title, big.Months, big.Kind, linked.Count - held, held, StateOf(held, 1, lastDay, today));
        }).ToList();

    public static IReadOnlyList<DutyProgress> Duties(ProgrammeYear programme, int year, IReadOnlyList<ActivityFact> activities, IReadOnlyList<DutyHolder> holders, DateOnly today) =>
        programme.Duties.Select(duty =>
        {
            var level = duty.Organiser switch { "bloc" => OrganiserLevel.Bloc, "cluster" => OrganiserLevel.Cluster, _ => OrganiserLevel.Unit };
            var held = activities.Where(a => a.Status == ActivityStatus.Held && a.Level == level && (duty.Kind is null || a.Kind == duty.Kind)).ToList();
            var rows = new List<DutyRow>();
            foreach (var holder in holders.Where(h => h.Level == level))
                foreach (var (label, from, to) in PeriodsOf(duty, year))
                {
                    var count = held.Count(a => a.OrganiserId == holder.Id && a.StartsOn >= from && a.StartsOn <= to);
                    rows.Add(new DutyRow(level, holder.Id, holder.Name, label, from, to, count, duty.Count, StateOf(count, duty.Count, to, today)));
                }
            return new DutyProgress(duty.Code, duty.Name, duty.Organiser, duty.Kind, duty.Period, duty.Count, rows);
        }).ToList();

    /// <summary>The periods a duty is counted in: the four quarters, the year, or each occasion's window
    /// (a lunar occasion, Mid-Autumn, converted with the Vietnamese calendar for that year).</summary>
    public static IEnumerable<(string Label, DateOnly From, DateOnly To)> PeriodsOf(DutyDefinition duty, int year) => duty.Period switch
    {
        "quarter" => Enumerable.Range(0, 4).Select(q => ($"Quý {q + 1}/{year}", new DateOnly(year, q * 3 + 1, 1), new DateOnly(year, q * 3 + 1, 1).AddMonths(3).AddDays(-1))),
        "occasion" => duty.Occasions.Select(o =>
        {
            var day = DayOf(o, year);
            return ($"{o.Name} ({day:dd/MM/yyyy})", day.AddDays(-o.WindowDays), day.AddDays(o.WindowDays));
        }),
        _ => [($"Năm {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))],
    };

    public static DateOnly DayOf(OccasionDefinition occasion, int year)
    {
        if (occasion.Lunar is { } lunar)
        {
            var (month, day) = MonthDay(lunar);
            return LunarCalendar.ToSolar(year, month, day);
        }
        var (m, d) = MonthDay(occasion.Solar ?? throw new InvalidOperationException($"The occasion '{occasion.Name}' has neither a solar nor a lunar day."));
        return new DateOnly(year, m, d);
    }

    private static (int Month, int Day) MonthDay(string text)
    {
        var parts = text.Split('-');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static DutyState StateOf(int held, int required, DateOnly lastDay, DateOnly today) =>
        held >= required ? DutyState.Met : today > lastDay ? DutyState.Missed : DutyState.Pending;
}
