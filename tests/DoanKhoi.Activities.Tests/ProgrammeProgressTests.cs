using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Contracts.Activities;

namespace DoanKhoi.Activities.Tests;

/// <summary>The calendar's duties and big activities, met, pending or missed, on the 2023 programme.</summary>
public class ProgrammeProgressTests
{
    private static readonly ProgrammeYear Year2023 = ProgrammeCatalogue.Load(ProgrammeCatalogue.DefaultFolder).For(2023);
    private static readonly Guid Cluster = Guid.CreateVersion7(), Unit = Guid.CreateVersion7();
    private static readonly DutyHolder[] Holders =
        [new(OrganiserLevel.Bloc, null, "Đoàn Khối"), new(OrganiserLevel.Cluster, Cluster, "Cụm 1"), new(OrganiserLevel.Unit, Unit, "Đoàn Sở Y tế")];

    private static ActivityFact Held(OrganiserLevel level, string kind, string on, ActivityStatus status = ActivityStatus.Held, int? big = null) =>
        new(level, level switch { OrganiserLevel.Cluster => Cluster, OrganiserLevel.Unit => Unit, _ => null }, kind, status, DateOnly.Parse(on), big);

    private static IReadOnlyList<DutyRow> Rows(string duty, DateOnly today, params ActivityFact[] activities) =>
        ProgrammeProgress.Duties(Year2023, 2023, activities, Holders, today).Single(d => d.Code == duty).Rows;

    [Fact]
    public void Mid_Autumn_s_window_is_around_the_15th_of_the_8th_lunar_month_as_Vietnam_counts_it()
    {
        var occasion = Year2023.Duties.SelectMany(d => d.Occasions).Single(o => o.Lunar == "08-15");

        Assert.Equal(new DateOnly(2023, 9, 29), ProgrammeProgress.DayOf(occasion, 2023));
        Assert.Equal(new DateOnly(2024, 9, 17), ProgrammeProgress.DayOf(occasion, 2024));
    }

    [Fact]
    public void Each_unit_owes_a_children_s_activity_around_1_June_and_around_Mid_Autumn()
    {
        var rows = Rows("children-support-occasions", new DateOnly(2023, 10, 20),
            Held(OrganiserLevel.Unit, "children-support", "2023-06-02"),
            Held(OrganiserLevel.Unit, "children-support", "2023-08-01"));

        Assert.Equal([DutyState.Met, DutyState.Missed], rows.Select(r => r.State));
        Assert.Equal([(new DateOnly(2023, 5, 17), new DateOnly(2023, 6, 16)), (new DateOnly(2023, 9, 14), new DateOnly(2023, 10, 14))], rows.Select(r => (r.From, r.To)));
        Assert.Equal(DutyState.Met, Rows("children-support-occasions", new DateOnly(2023, 10, 20), Held(OrganiserLevel.Unit, "children-support", "2023-09-25"))[1].State);
    }

    [Fact]
    public void A_cluster_s_quarter_is_met_by_a_held_activity_missed_when_over_and_pending_until_then()
    {
        var rows = Rows("cluster-quarterly-activity", new DateOnly(2023, 8, 1),
            Held(OrganiserLevel.Cluster, "volunteer-activity", "2023-02-10"),
            Held(OrganiserLevel.Cluster, "tree-planting", "2023-05-10", ActivityStatus.Cancelled),
            Held(OrganiserLevel.Unit, "tree-planting", "2023-05-11"));

        Assert.Equal([DutyState.Met, DutyState.Missed, DutyState.Pending, DutyState.Pending], rows.Select(r => r.State));
        Assert.Equal("Quý 1/2023", rows[0].Period);
    }

    [Fact]
    public void Four_mock_trials_a_year_are_counted_for_the_bloc()
    {
        var trials = Enumerable.Range(1, 3).Select(m => Held(OrganiserLevel.Bloc, "mock-trial", $"2023-0{m}-15")).ToArray();

        Assert.Equal((3, 4, DutyState.Pending), Rows("yearly-mock-trials", new DateOnly(2023, 11, 1), trials).Select(r => (r.Held, r.Required, r.State)).Single());
        Assert.Equal(DutyState.Missed, Rows("yearly-mock-trials", new DateOnly(2024, 1, 2), trials).Single().State);
        Assert.Equal(DutyState.Met, Rows("yearly-mock-trials", new DateOnly(2023, 11, 1), [.. trials, Held(OrganiserLevel.Bloc, "mock-trial", "2023-10-20")]).Single().State);
    }

    [Fact]
    public void A_big_activity_is_met_by_a_held_activity_that_carries_it_out()
    {
        var progress = ProgrammeProgress.BigActivities(Year2023,
            [Held(OrganiserLevel.Bloc, "tree-planting", "2023-02-05", big: 2), Held(OrganiserLevel.Bloc, "volunteer-activity", "2023-12-01", ActivityStatus.Planned, big: 12)],
            new DateOnly(2023, 6, 1));

        Assert.Equal((1, DutyState.Met), progress.Where(b => b.Number == 2).Select(b => (b.Held, b.State)).Single());
        Assert.Equal((1, 0, DutyState.Pending), progress.Where(b => b.Number == 12).Select(b => (b.Planned, b.Held, b.State)).Single());
        Assert.Equal(DutyState.Missed, progress.Single(b => b.Number == 1).State);
    }
}
