using System.Net.Http.Json;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>The activities service with the demo data set on, settling after 2 quiet seconds.</summary>
public sealed class DemoActivitiesApiFactory : ServiceFactory<Program>
{
    public DemoActivitiesApiFactory() : base(ResourceNames.ActivitiesDb)
    {
        Settings["Demo:Load"] = "true";
        Settings["Demo:SettleSeconds"] = "2";
    }
}

/// <summary>The demo data set's year of activities, made once the organisation and members have arrived.</summary>
public class DemoActivitiesTests(DemoActivitiesApiFactory factory) : IClassFixture<DemoActivitiesApiFactory>
{
    [Fact]
    public async Task A_year_of_activities_across_the_movements_is_made_with_who_came_and_what_happened()
    {
        var bloc = new MatrixBloc(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        _ = factory.Server;
        await bloc.TellAsync(factory);
        await IdeasApiTests.MembersAsync(factory, Enumerable.Range(1, 30).Select(i => (Guid.CreateVersion7(), $"Đoàn viên {i}", i % 2 == 0 ? bloc.UnitA : bloc.UnitB)).ToArray());

        await Eventually.Until(() => factory.Database.ScalarAsync<long>("SELECT count(*) FROM activities"), n => n > 0, TimeSpan.FromSeconds(60), "the demo activities");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var client = factory.CreateClient();
        var activities = await client.GetFromJsonAsync<PagedList<ActivitySummary>>("/activities?pageSize=200", ProblemAssertions.Json);

        Assert.Equal(15 + 2 * 4 + 2 * 6, activities!.Total);
        Assert.True(activities.Items.Select(a => a.Movement).Distinct().Count() >= 5);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.All(activities.Items, a => Assert.Equal(a.StartsOn <= today ? ActivityStatus.Held : ActivityStatus.Planned, a.Status));
        Assert.True(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM participations") > 30);
        var calendar = await client.GetFromJsonAsync<CalendarView>($"/calendar?year={today.Year}", ProblemAssertions.Json);
        Assert.Contains(calendar!.Duties.Single(d => d.Code == "yearly-thematic-sessions").Rows, r => r.Held >= 1);
    }
}
