using System.Net.Http.Json;
using System.Net;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Extensions;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

public class ClustersApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();

    public Task InitializeAsync() => factory.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_cluster_is_created_renamed_and_listed_with_its_open_units()
    {
        var cluster = await (await _client.PostAsJsonAsync("/clusters", new { code = "cum-01", name = "Cụm thi đua số 1" })).ReadAsync<ClusterResponse>();
        await _client.PostAsJsonAsync("/units", new { code = "U1", name = "Đoàn X", kind = "agency", clusterId = cluster!.Id });

        var renamed = await (await _client.PutAsJsonAsync($"/clusters/{cluster.Id}/name", new { name = "Cụm thi đua số 1 - Khối tổng hợp" })).ReadAsync<ClusterResponse>();

        Assert.Equal(("CUM-01", "Cụm thi đua số 1 - Khối tổng hợp", 2, 1), (renamed!.Code, renamed.Name, renamed.Version, renamed.OpenUnits));
        var listed = await _client.GetFromJsonAsync<List<ClusterResponse>>("/clusters", ProblemAssertions.Json);
        Assert.Equal(renamed, listed!.Single() with { CreatedAt = renamed.CreatedAt });
        Assert.True(await factory.Harness.Published.Any<ClusterRenamed>(m => m.Context.Message.Cluster.ClusterId == cluster.Id && m.Context.Message.PreviousName == "Cụm thi đua số 1"));
    }

    [Fact]
    public async Task A_duplicate_cluster_code_is_a_409_and_an_unknown_cluster_a_404()
    {
        await _client.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm 1" });

        var problem = await (await _client.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm khác" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.NotEmpty(problem.FieldErrors("code"));
        await (await _client.GetAsync($"/clusters/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutAsJsonAsync($"/clusters/{Guid.NewGuid()}/name", new { name = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class DemoMembershipApiFactory : IAsyncLifetime
{
    public MembershipApiFactory Factory { get; } = new() { Settings = { ["Demo:Load"] = "true" } };

    public Task InitializeAsync() => Factory.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}

public class DemoDataTests(DemoMembershipApiFactory demo) : IClassFixture<DemoMembershipApiFactory>
{
    [Fact]
    public async Task The_demo_data_set_is_a_bloc_of_43_units_in_5_clusters_and_is_announced_to_the_other_services()
    {
        var client = demo.Factory.CreateClient();

        var tree = await client.GetFromJsonAsync<TreeResponse>("/tree", ProblemAssertions.Json);

        Assert.Equal(5, tree!.Clusters.Count);
        Assert.Equal(43, tree.Clusters.Sum(c => c.Units.Count));
        Assert.Equal(43, DemoDataLoader.UnitCount);
        Assert.Contains(tree.Clusters.SelectMany(c => c.Units), u => u.Kind == UnitKind.School);
        var codes = tree.Clusters.SelectMany(c => c.Units).Select(u => u.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Contains("DTN-SYT", codes);

        await Eventually.Until(async () => await demo.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL") == 0,
            what: "every demo event published");
        Assert.Equal(43, demo.Factory.Harness.Published.Select<UnitCreated>().Count());
        Assert.Equal(43, await demo.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE entity_type = 'Unit' AND actor = 'system:demo-data'"));
    }

    [Fact]
    public async Task The_demo_accounts_posts_reach_the_demo_cluster_and_unit()
    {
        var lead = demo.Factory.CreateClient().As(Post.OnCluster(DemoIds.Of(DemoIds.FirstClusterCode)));
        var secretary = demo.Factory.CreateClient().As(Post.OnUnit(DemoIds.Of(DemoIds.FirstUnitCode)));

        var ledUnits = await lead.GetFromJsonAsync<PagedList<UnitResponse>>("/units", ProblemAssertions.Json);
        var ownUnits = await secretary.GetFromJsonAsync<PagedList<UnitResponse>>("/units", ProblemAssertions.Json);

        Assert.Equal(8, ledUnits!.Total);
        Assert.All(ledUnits.Items, u => Assert.Equal(DemoIds.FirstClusterCode, u.ClusterCode));
        Assert.Equal(["Đoàn Thanh niên Văn phòng Tỉnh ủy"], ownUnits!.Items.Select(u => u.Name));
    }

    [Fact]
    public async Task Loading_the_demo_again_into_a_populated_database_adds_nothing()
    {
        var client = demo.Factory.CreateClient();
        var before = await demo.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM units");

        // A second start of the service with the same setting.
        await using var again = demo.Factory.WithWebHostBuilder(_ => { });
        await again.CreateClient().GetAsync("/alive");

        Assert.Equal(43, before);
        Assert.Equal(43, await demo.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM units"));
    }
}
