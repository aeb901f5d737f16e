using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>Each post against each of reporting's endpoints, on the unit inside its reach and the one
/// outside, as reporting's copy of the tree has them.</summary>
public class AccessMatrixTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public async Task InitializeAsync()
    {
        _ = factory.Server; // started: its migrations made the database
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        await new BoardWorld(factory).WriteProgrammeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_units_and_clusters_it_reaches_and_no_other(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var reached = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).ToList();

        foreach (var (unit, inside) in new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) })
        {
            var response = await client.GetAsync($"/organisation/units/{unit}");
            Assert.Equal(MatrixBloc.Reaches(who, inside) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        }
        var units = (await client.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units", ProblemAssertions.Json))?.Items;
        var clusters = await client.GetFromJsonAsync<List<ClusterView>>("/organisation/clusters", ProblemAssertions.Json);
        Assert.Equal(reached.Order(), units!.Select(u => u.Id).Order());
        Assert.Equal(reached.Count, clusters!.Count);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_bloc_s_board_and_the_boards_of_the_clusters_and_units_it_reaches(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        HttpStatusCode Expected(bool inside) => MatrixBloc.Reaches(who, inside) ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        var bloc = await client.GetAsync("/board?year=2023");
        var unitA = await client.GetAsync($"/board?year=2023&unitId={_bloc.UnitA}");
        var unitB = await client.GetAsync($"/board?year=2023&unitId={_bloc.UnitB}");
        var clusterA = await client.GetAsync($"/board?year=2023&clusterId={_bloc.ClusterA}");
        var clusterB = await client.GetAsync($"/board?year=2023&clusterId={_bloc.ClusterB}");
        var units = await client.GetFromJsonAsync<List<BoardRow>>("/board/units?year=2023", ProblemAssertions.Json);
        var clusters = await client.GetFromJsonAsync<List<BoardRow>>("/board/clusters?year=2023", ProblemAssertions.Json);

        Assert.Equal(HttpStatusCode.OK, bloc.StatusCode);
        Assert.Equal((Expected(true), Expected(false)), (unitA.StatusCode, unitB.StatusCode));
        Assert.Equal((Expected(true), Expected(false)), (clusterA.StatusCode, clusterB.StatusCode));
        var reached = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).ToList();
        Assert.Equal(reached.Order(), units!.Select(u => u.NodeId).Order());
        Assert.Equal(reached.Count, clusters!.Count);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_standing_committee_and_the_bloc_office_change_or_copy_the_programme_and_everyone_reads_it(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var current = (await client.GetFromJsonAsync<ProgrammeView>("/programmes/2023", ProblemAssertions.Json))!;

        var change = await client.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(current.Programme, "Thử quyền"));
        var copy = await client.PostAsJsonAsync("/programmes/2023/copy", new CopyProgrammeRequest(2030, "Thử quyền"));

        var sets = who is Who.BlocOffice or Who.StandingCommittee;
        Assert.Equal((sets ? HttpStatusCode.OK : HttpStatusCode.Forbidden, sets ? HttpStatusCode.Created : HttpStatusCode.Forbidden), (change.StatusCode, copy.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programmes/2023/revisions")).StatusCode);
    }
}
