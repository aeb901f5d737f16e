using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Activities.Tests;

/// <summary>The rules of an activity, on the aggregate itself.</summary>
public class ActivityRulesTests
{
    private static readonly ProgrammeCatalogue Catalogue = ProgrammeCatalogue.Load(ProgrammeCatalogue.DefaultFolder);
    private static readonly DateTimeOffset Now = new(2023, 3, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly Organiser UnitA = new(OrganiserLevel.Unit, Guid.CreateVersion7());

    private static ActivityDetails Details(string kind = "tree-planting", DateOnly? on = null, DateOnly? until = null) =>
        ActivityDetails.Create(Catalogue, "Ra quân  Tết trồng cây ", null, null, kind, null, null, null, on ?? new DateOnly(2023, 2, 12), until, "Xã Mai Pha", null, null);

    private static ActivityOutcome Outcome(params (string Code, int Value)[] quantities) =>
        ActivityOutcome.Create(quantities.ToDictionary(q => q.Code, q => q.Value), null, null, null);

    private static IReadOnlyList<object> Raised(Activity activity) => ((IRaisesEvents)activity).RaisedEvents;

    [Fact]
    public void Planning_takes_the_kind_s_movement_and_the_year_of_its_first_day_and_cleans_the_title()
    {
        var activity = Activity.Plan(Details(), UnitA, Now);

        Assert.Equal(("volunteer-youth", 2023, "Ra quân Tết trồng cây", ActivityStatus.Planned), (activity.Movement, activity.Year, activity.Title, activity.Status));
        Assert.Equal(activity.StartsOn, activity.EndsOn);
        var planned = Assert.IsType<ActivityPlanned>(Assert.Single(Raised(activity)));
        Assert.Equal((1, UnitA.Id), (planned.Activity.Version, planned.Activity.OrganiserId));
    }

    [Fact]
    public void Holding_records_the_quantities_and_raises_the_state_with_the_next_version()
    {
        var activity = Activity.Plan(Details(), UnitA, Now);

        activity.Hold(Outcome(("trees-planted", 120), ("youths-reached", 35)), Catalogue.For(2023), new DateOnly(2023, 2, 12), Now);

        var held = Assert.IsType<ActivityHeld>(Raised(activity)[^1]);
        Assert.Equal((ActivityStatus.Held, 2, 120), (held.Activity.Status, held.Activity.Version, held.Activity.Quantities["trees-planted"]));
    }

    [Fact]
    public void A_negative_quantity_is_refused_on_its_field()
    {
        var e = Assert.Throws<ValidationFailedException>(() => Outcome(("trees-planted", -5)));

        Assert.Contains("quantities.trees-planted", e.Errors.Keys);
    }

    [Fact]
    public void A_quantity_the_kind_does_not_record_is_refused_naming_what_it_records()
    {
        var activity = Activity.Plan(Details(), UnitA, Now);

        var e = Assert.Throws<ValidationFailedException>(() => activity.Hold(Outcome(("blood-units", 10)), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now));

        Assert.Contains("trees-planted", Assert.Single(e.Errors["quantities.blood-units"]));
        Assert.Equal(ActivityStatus.Planned, activity.Status);
    }

    [Fact]
    public void A_youth_project_carries_its_flags_and_a_tree_planting_none()
    {
        var project = Activity.Plan(Details("youth-project"), UnitA, Now);
        project.Hold(ActivityOutcome.Create(null, ["border-area", "new-rural-commune"], null, null), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now);
        var planting = Activity.Plan(Details(), UnitA, Now);

        Assert.Equal(["border-area", "new-rural-commune"], project.Flags);
        Assert.Throws<ValidationFailedException>(() => planting.Hold(ActivityOutcome.Create(null, ["border-area"], null, null), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now));
    }

    [Fact]
    public void An_activity_is_held_from_its_first_day_not_before()
    {
        var activity = Activity.Plan(Details(on: new DateOnly(2023, 6, 1)), UnitA, Now);

        var e = Assert.Throws<DomainRuleException>(() => activity.Hold(Outcome(), Catalogue.For(2023), new DateOnly(2023, 5, 31), Now));

        Assert.Contains("01/06/2023", e.Message);
    }

    [Fact]
    public void A_cancelled_activity_cannot_be_held_and_a_held_one_cannot_be_cancelled()
    {
        var cancelled = Activity.Plan(Details(), UnitA, Now);
        cancelled.Cancel("Mưa lớn", Now);
        var held = Activity.Plan(Details(), UnitA, Now);
        held.Hold(Outcome(), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now);

        Assert.Throws<DomainRuleException>(() => cancelled.Hold(Outcome(), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now));
        Assert.Throws<DomainRuleException>(() => held.Cancel("Nhầm", Now));
        Assert.Equal("Mưa lớn", Assert.IsType<ActivityCancelled>(Raised(cancelled)[^1]).Reason);
    }

    [Fact]
    public void Recording_a_held_activity_again_corrects_it_as_a_change()
    {
        var activity = Activity.Plan(Details(), UnitA, Now);
        activity.Hold(Outcome(("trees-planted", 100)), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now);

        activity.Hold(Outcome(("trees-planted", 150)), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now);

        var changed = Assert.IsType<ActivityChanged>(Raised(activity)[^1]);
        Assert.Equal((3, 150), (changed.Activity.Version, changed.Activity.Quantities["trees-planted"]));
    }

    [Fact]
    public void Changing_the_kind_of_a_held_activity_to_one_that_does_not_record_its_quantities_is_refused()
    {
        var activity = Activity.Plan(Details(), UnitA, Now);
        activity.Hold(Outcome(("trees-planted", 100)), Catalogue.For(2023), new DateOnly(2023, 3, 1), Now);

        Assert.Throws<DomainRuleException>(() => activity.Change(Details("blood-donation"), Now));
        Assert.Equal("tree-planting", activity.Kind);
    }

    [Fact]
    public void Every_field_at_fault_is_named_at_once()
    {
        var e = Assert.Throws<ValidationFailedException>(() => ActivityDetails.Create(Catalogue, " ", "no-movement", null, "no-kind", null, 99, null,
            new DateOnly(2023, 5, 2), new DateOnly(2023, 5, 1), null, null, ["not a link"]));

        Assert.Equal(["title", "endsOn", "kind", "movement", "bigActivity", "evidence[0]"], e.Errors.Keys);
    }
}
