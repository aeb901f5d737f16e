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
}
