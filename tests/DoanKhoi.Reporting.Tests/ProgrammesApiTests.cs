using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.Extensions.DependencyInjection;
using static DoanKhoi.Reporting.Tests.BoardWorld;

namespace DoanKhoi.Reporting.Tests;

/// <summary>The year's programme is data: 2023's comes from the seed, the standing committee changes it
/// with a reason (every version kept) or copies it to the next year, and the board follows.</summary>
public class ProgrammesApiTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly BoardWorld _world = new(factory);
    private HttpClient Committee => factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _world.WriteProgrammeAsync();
        await _world.TreeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ProgrammeView> GetAsync(int year) => (await Committee.GetFromJsonAsync<ProgrammeView>($"/programmes/{year}", ProblemAssertions.Json))!;

    [Fact]
    public async Task The_2023_programme_holds_the_fourteen_targets_and_the_reporting_calendar_of_the_seed()
    {
        var programme = (await GetAsync(2023)).Programme;

        Assert.Equal(Enumerable.Range(1, 14).Select(i => $"K{i:00}"), programme.Targets.Select(t => t.Code));
        var k08 = programme.Targets.Single(t => t.Code == "K08").Measures;
        Assert.Equal([1m, 150m, 200m], k08.Select(m => m.Goal.AtLeast!.Value));
        Assert.Equal(["free-medical-examination", "people-examined", "blood-units"], k08.Select(m => m.Count.Quantity ?? m.Count.Kinds![0]));
        // The plan by 25/02; monthly reports by the 5th of months 1, 2, 4, 5, 7, 8, 10, 11; Q1, six and nine months; annual by 20/11.
        Assert.Equal(new DateOnly(2023, 2, 25), programme.Report("plan")!.Due);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], programme.Reports.Where(r => r.Code != "plan" && r.Code != "annual").Select(r => r.Due.Month).Order());
        Assert.All(programme.Reports.Where(r => r.Code is not ("plan" or "annual")), r => Assert.Equal(5, r.Due.Day));
        Assert.Equal((new DateOnly(2023, 11, 20), true), (programme.Report("annual")!.Due, programme.Report("annual")!.Commendations));
        Assert.Equal((new DateOnly(2023, 4, 5), new DateOnly(2023, 3, 5)), (programme.Report("m04")!.Due, programme.Report("m04")!.From!.Value));
        Assert.Equal(["school"], programme.ExemptUnitKinds);
    }

    [Fact]
    public async Task A_changed_goal_and_an_added_target_are_kept_with_their_reason_and_the_board_counts_them_from_what_was_recorded()
    {
        await _world.HeldAsync("tree-planting", Contracts.Activities.OrganiserLevel.Unit, _world.A1, new(2023, 2, 12), new() { ["trees-planted"] = 1200 });
        await _world.HeldAsync("mock-trial", Contracts.Activities.OrganiserLevel.Bloc, null, new(2023, 3, 20));
        var current = await GetAsync(2023);
        var k03 = current.Programme.Targets.Single(t => t.Code == "K03");
        var changed = current.Programme with
        {
            Targets = current.Programme.Targets
                .Select(t => t.Code == "K03" ? t with { Measures = [k03.Measures[0] with { Goal = new Goal(1000, null) }, k03.Measures[1]] } : t)
                .Append(new TargetDefinition("K15", "Ít nhất 04 phiên tòa giả định", 5,
                    [new MeasureDefinition("K15.1", "Phiên tòa giả định", new FactCount(FactSource.Activities, Kinds: ["mock-trial"]), null, Each.None, null, null, new Goal(4, null))]))
                .ToList(),
        };

        var response = await Committee.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(changed, "Điều chỉnh chỉ tiêu theo Nghị quyết giữa năm", current.Version));
        response.EnsureSuccessStatusCode();
        await factory.Services.GetRequiredService<BoardRecounter>().RecountBehindAsync(CancellationToken.None);

        var board = await _world.BoardAsync("&asOf=2023-12-31");
        Assert.Equal((1200m, 1000m, FigureStatus.Met), (Figure(board, "K03.1").Value!.Value, Figure(board, "K03.1").GoalAtLeast!.Value, Figure(board, "K03.1").Status));
        Assert.Equal(1m, Figure(board, "K15.1").Value);
        var revisions = (await Committee.GetFromJsonAsync<List<RevisionView>>("/programmes/2023/revisions", ProblemAssertions.Json))!;
        Assert.Equal([2, 1], revisions.Select(r => r.Version));
        Assert.Equal(("Điều chỉnh chỉ tiêu theo Nghị quyết giữa năm", 4500m), (revisions[0].Reason, revisions[1].Programme.Measure("K03.1")!.Goal.AtLeast!.Value));
    }

    [Fact]
    public async Task A_programme_edited_from_an_old_version_is_refused_so_nobody_overwrites_another_s_change()
    {
        var current = await GetAsync(2023);
        (await Committee.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(current.Programme, "Lần 1", current.Version))).EnsureSuccessStatusCode();

        var stale = await Committee.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(current.Programme, "Lần 2", current.Version));

        (await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldNameFields("version");
    }

    [Fact]
    public async Task A_measure_that_counts_nothing_known_is_refused_at_its_field()
    {
        var current = await GetAsync(2023);
        var broken = current.Programme with
        {
            Targets = [.. current.Programme.Targets.Select(t => t.Code == "K05"
                ? t with { Measures = [t.Measures[0] with { Count = new FactCount(FactSource.Quantity) }, t.Measures[1] with { Count = new FactCount("trees") }] } : t)],
        };

        var response = await Committee.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(broken, "Thử"));

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .ShouldNameFields("programme.targets[4].measures[0].count.quantity", "programme.targets[4].measures[1].count.source");
    }

    [Fact]
    public async Task Only_the_standing_committee_and_the_bloc_office_change_the_programme()
    {
        var current = await GetAsync(2023);
        var client = factory.CreateClient().As(Post.OnUnit(_world.A1));

        var response = await client.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(current.Programme, "Thử"));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await GetAsync(2023)).Version);
    }

    [Fact]
    public async Task The_programme_copied_to_2024_has_its_calendar_moved_a_year_and_is_copied_once()
    {
        var response = await Committee.PostAsJsonAsync("/programmes/2023/copy", new CopyProgrammeRequest(2024, "Chương trình năm 2024, dự thảo"));
        var again = await Committee.PostAsJsonAsync("/programmes/2023/copy", new CopyProgrammeRequest(2024, "Lần nữa"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var copy = (await GetAsync(2024)).Programme;
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 25), new DateOnly(2024, 11, 20)),
            (copy.StartsOn, copy.Report("plan")!.Due, copy.Report("annual")!.Due));
        Assert.Equal(14, copy.Targets.Count);
        (await again.ShouldBeProblemAsync(HttpStatusCode.Conflict)).ShouldNameFields("toYear");
    }
}
