using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Each post against each endpoint, on a unit inside its reach and on one outside it. The bloc
/// has two clusters, A and B, with one unit each; unit A has a branch.</summary>
public class AccessMatrixTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    /// <summary>Read: anyone who reaches the unit. OfficeWrite: the bloc office. UnitWrite: the bloc office or the unit's secretary.</summary>
    public enum Kind { Read, OfficeWrite, UnitWrite }

    private static readonly (string Method, string Path, Kind Kind)[] OnOneUnit =
    [
        ("GET", "/units/{unit}", Kind.Read),
        ("GET", "/units/{unit}/history", Kind.Read),
        ("GET", "/units/{unit}/branches", Kind.Read),
        ("GET", "/clusters/{cluster}", Kind.Read),
        ("PUT", "/units/{unit}/name", Kind.OfficeWrite),
        ("PUT", "/units/{unit}/cluster", Kind.OfficeWrite),
        ("POST", "/units/{unit}/close", Kind.OfficeWrite),
        ("PUT", "/clusters/{cluster}/name", Kind.OfficeWrite),
        ("POST", "/units/{unit}/branches", Kind.UnitWrite),
    ];

    private readonly HttpClient _office = factory.CreateClient();
    private Guid _clusterA, _clusterB, _unitA, _unitB, _branchA;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _clusterA = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        _clusterB = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-B", name = "Cụm B" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn A", kind = "agency", clusterId = _clusterA })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn B", kind = "agency", clusterId = _clusterB })).ReadAsync<UnitResponse>())!.Id;
        _branchA = (await (await _office.PostAsJsonAsync($"/units/{_unitA}/branches", new { name = "Chi đoàn 1" })).ReadAsync<BranchResponse>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient As(Who who) => factory.CreateClient().As(new MatrixBloc(_clusterA, _clusterB, _unitA, _unitB, _branchA).TokenOf(who));

    private static bool Reaches(Who who, bool unitA) => MatrixBloc.Reaches(who, unitA);

    private static HttpStatusCode Expected(Who who, Kind kind, bool unitA, HttpStatusCode success)
    {
        if (!Reaches(who, unitA)) return HttpStatusCode.NotFound;
        return kind switch
        {
            Kind.Read => HttpStatusCode.OK,
            Kind.OfficeWrite => who == Who.BlocOffice ? success : HttpStatusCode.Forbidden,
            _ => who is Who.BlocOffice || (who == Who.SecretaryOfA && unitA) ? success : HttpStatusCode.Forbidden,
        };
    }

    public static TheoryData<Who, string, string, bool> Cases()
    {
        var data = new TheoryData<Who, string, string, bool>();
        foreach (var who in Enum.GetValues<Who>())
            foreach (var (method, path, _) in OnOneUnit)
                foreach (var unitA in new[] { true, false })
                    data.Add(who, method, path, unitA);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_post_on_each_endpoint_inside_and_outside_its_reach(Who who, string method, string path, bool unitA)
    {
        var kind = OnOneUnit.Single(e => e.Method == method && e.Path == path).Kind;
        var url = path.Replace("{unit}", (unitA ? _unitA : _unitB).ToString()).Replace("{cluster}", (unitA ? _clusterA : _clusterB).ToString());
        object body = path switch
        {
            "/units/{unit}/cluster" => new { clusterId = unitA ? _clusterB : _clusterA },
            "/units/{unit}/branches" => new { name = "Chi đoàn mới" },
            "/units/{unit}/close" => new { reason = "Sáp nhập" },
            _ => new { name = "Tên mới" },
        };
        var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(body) };

        var response = await As(who).SendAsync(request);

        var success = method == "POST" && path.EndsWith("/branches") ? HttpStatusCode.Created : HttpStatusCode.OK;
        var expected = Expected(who, kind, unitA, success);
        Assert.True(expected == response.StatusCode, $"{who} {method} {path} on unit {(unitA ? "A" : "B")}: expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (expected == HttpStatusCode.NotFound)
            Assert.DoesNotContain("Đoàn B", await response.Content.ReadAsStringAsync()); // learns nothing about it
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Lists_and_the_tree_hold_only_what_the_post_reaches(Who who)
    {
        var client = As(who);
        List<Guid> expected = [.. new[] { (_unitA, true), (_unitB, false) }.Where(u => Reaches(who, u.Item2)).Select(u => u.Item1)];

        var units = await client.GetFromJsonAsync<JsonElement>("/units?status=all");
        var tree = await client.GetFromJsonAsync<JsonElement>("/tree");
        var clusters = await client.GetFromJsonAsync<JsonElement>("/clusters");

        Assert.Equal(expected.Order(), units.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).Order());
        Assert.Equal(expected.Count, units.GetProperty("total").GetInt32());
        Assert.Equal(expected.Order(), tree.GetProperty("clusters").EnumerateArray().SelectMany(c => c.GetProperty("units").EnumerateArray()).Select(u => u.GetProperty("id").GetGuid()).Order());
        Assert.Equal(expected.Count, clusters.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_bloc_office_creates_clusters_and_units_and_reads_the_audit_trail(Who who)
    {
        var client = As(who);

        var cluster = await client.PostAsJsonAsync("/clusters", new { code = "CUM-N", name = "Cụm mới" });
        var unit = await client.PostAsJsonAsync("/units", new { code = "UN", name = "Đoàn mới", kind = "agency", clusterId = _clusterA });
        var audit = await client.GetAsync("/audit");
        var auditFile = await client.GetAsync("/audit/export?format=csv");

        var (create, read) = who switch
        {
            Who.BlocOffice => (HttpStatusCode.Created, HttpStatusCode.OK),
            Who.ReadOnlySystem => (HttpStatusCode.Forbidden, HttpStatusCode.OK),
            _ => (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        };
        Assert.Equal((create, create, read, read), (cluster.StatusCode, unit.StatusCode, audit.StatusCode, auditFile.StatusCode));
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task The_unit_directory_names_every_open_unit_of_the_bloc_to_every_post_and_no_more_than_their_names(Who who)
    {
        var directory = await As(who).GetFromJsonAsync<JsonElement>("/unit-directory");

        Assert.Equal(new[] { _unitA, _unitB }.Order(), directory.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).Order());
        Assert.All(directory.EnumerateArray(), u => Assert.Equal(["id", "code", "name", "clusterName"], u.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task The_unit_directory_leaves_out_closed_units_and_finds_a_name_typed_without_diacritics()
    {
        (await _office.PostAsJsonAsync($"/units/{_unitA}/close", new { reason = "Sáp nhập" })).EnsureSuccessStatusCode();
        var secretary = As(Who.SecretaryOfA);

        var open = await secretary.GetFromJsonAsync<JsonElement>("/unit-directory");
        var found = await secretary.GetFromJsonAsync<JsonElement>("/unit-directory?q=doan%20b");

        Assert.Equal([_unitB], open.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()));
        Assert.Equal(["Đoàn B"], found.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.Equal(["Cụm B"], found.EnumerateArray().Select(u => u.GetProperty("clusterName").GetString()));
    }
}
