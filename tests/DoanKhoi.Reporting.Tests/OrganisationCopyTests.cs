using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using MassTransit;

namespace DoanKhoi.Reporting.Tests;

public class OrganisationCopyTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly Guid ClusterId = Guid.CreateVersion7();

    public Task InitializeAsync() => factory.Database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static UnitSnapshot Unit(Guid id, string name, int version, UnitStatus status = UnitStatus.Open) => new()
    {
        UnitId = id, Code = "DTN-SYT", Name = name, Kind = UnitKind.Agency, ClusterId = ClusterId, Status = status, Version = version,
    };

    private Task Deliver<T>(T message, Guid? messageId = null) where T : class => factory.DeliverAsync(message, messageId);

    private Task<UnitView?> GetUnit(Guid id) => _client.GetFromJsonAsync<UnitView>($"/organisation/units/{id}", ProblemAssertions.Json);

    [Fact]
    public async Task A_unit_created_in_membership_becomes_visible_in_reporting_and_searchable_without_diacritics()
    {
        var id = Guid.CreateVersion7();
        await Deliver(new ClusterCreated { Cluster = new() { ClusterId = ClusterId, Code = "CUM-01", Name = "Cụm thi đua số 1", Version = 1 }, OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new UnitCreated { Unit = Unit(id, "Đoàn Thanh niên Sở Y tế", 1), OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal("Đoàn Thanh niên Sở Y tế", (await GetUnit(id))!.Name);
        var found = (await _client.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units?q=so%20y%20te", ProblemAssertions.Json))?.Items;
        Assert.Equal([id], found!.Select(u => u.Id));
        var clusters = await _client.GetFromJsonAsync<List<ClusterView>>("/organisation/clusters", ProblemAssertions.Json);
        Assert.Equal(["CUM-01"], clusters!.Select(c => c.Code));
    }

    [Fact]
    public async Task Events_arriving_out_of_order_leave_the_newest_state()
    {
        var id = Guid.CreateVersion7();
        await Deliver(new UnitRenamed { Unit = Unit(id, "Tên mới", 2), PreviousName = "Tên cũ", OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new UnitCreated { Unit = Unit(id, "Tên cũ", 1), OccurredAt = DateTimeOffset.UtcNow });

        var unit = await GetUnit(id);
        Assert.Equal(("Tên mới", 2), (unit!.Name, unit.Version));
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        var id = Guid.CreateVersion7();
        var messageId = Guid.NewGuid();
        await Deliver(new UnitCreated { Unit = Unit(id, "Đoàn X", 1), OccurredAt = DateTimeOffset.UtcNow });
        var closed = new UnitClosed { Unit = Unit(id, "Đoàn X", 2, UnitStatus.Closed), OccurredAt = DateTimeOffset.UtcNow };

        await Deliver(closed, messageId);
        await Deliver(closed, messageId);

        Assert.Equal(1, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}' AND consumer = 'OrganisationEventsConsumer'"));
        Assert.Equal(UnitStatus.Closed, (await GetUnit(id))!.Status);
        Assert.Empty((await _client.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units", ProblemAssertions.Json))!.Items);
        Assert.Single((await _client.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units?status=closed", ProblemAssertions.Json))!.Items);
    }

    [Fact]
    public async Task A_unit_moved_to_another_cluster_is_listed_under_it()
    {
        var id = Guid.CreateVersion7();
        var other = Guid.CreateVersion7();
        await Deliver(new UnitCreated { Unit = Unit(id, "Đoàn X", 1), OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new UnitMoved { Unit = Unit(id, "Đoàn X", 2) with { ClusterId = other }, PreviousClusterId = ClusterId, OccurredAt = DateTimeOffset.UtcNow });

        Assert.Empty((await _client.GetFromJsonAsync<PagedList<UnitView>>($"/organisation/units?clusterId={ClusterId}", ProblemAssertions.Json))!.Items);
        Assert.Single((await _client.GetFromJsonAsync<PagedList<UnitView>>($"/organisation/units?clusterId={other}", ProblemAssertions.Json))!.Items);
    }

    [Fact]
    public async Task An_unknown_unit_is_a_404_and_an_unknown_status_a_400()
    {
        await (await _client.GetAsync($"/organisation/units/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var problem = await (await _client.GetAsync("/organisation/units?status=deleted")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("status"));
    }

    [Fact]
    public async Task Who_sees_a_unit_follows_reporting_s_own_copy_of_the_tree_when_the_unit_moves()
    {
        var (clusterA, clusterB, unitId, branchId) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await Deliver(new ClusterCreated { Cluster = new() { ClusterId = clusterA, Code = "CUM-A", Name = "Cụm A", Version = 1 }, OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new ClusterCreated { Cluster = new() { ClusterId = clusterB, Code = "CUM-B", Name = "Cụm B", Version = 1 }, OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new UnitCreated { Unit = Unit(unitId, "Đoàn Thanh niên Sở Y tế", 1) with { ClusterId = clusterA }, OccurredAt = DateTimeOffset.UtcNow });
        await Deliver(new BranchCreated { Branch = new() { BranchId = branchId, UnitId = unitId, Name = "Chi đoàn 1", Version = 1 }, OccurredAt = DateTimeOffset.UtcNow });
        var leadOfA = factory.CreateClient().As(Post.OnCluster(clusterA));
        var leadOfB = factory.CreateClient().As(Post.OnCluster(clusterB));
        var branchSecretary = factory.CreateClient().As(Post.OnBranch(branchId));

        Assert.Equal(HttpStatusCode.OK, (await leadOfA.GetAsync($"/organisation/units/{unitId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await branchSecretary.GetAsync($"/organisation/units/{unitId}")).StatusCode);
        await (await leadOfB.GetAsync($"/organisation/units/{unitId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["CUM-A"], (await leadOfA.GetFromJsonAsync<List<ClusterView>>("/organisation/clusters", ProblemAssertions.Json))!.Select(c => c.Code));

        await Deliver(new UnitMoved { Unit = Unit(unitId, "Đoàn Thanh niên Sở Y tế", 2) with { ClusterId = clusterB }, PreviousClusterId = clusterA, OccurredAt = DateTimeOffset.UtcNow });

        Assert.Equal([unitId], (await leadOfB.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units", ProblemAssertions.Json))!.Items.Select(u => u.Id));
        Assert.Empty((await leadOfA.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units", ProblemAssertions.Json))!.Items);
        await (await leadOfA.GetAsync($"/organisation/units/{unitId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
