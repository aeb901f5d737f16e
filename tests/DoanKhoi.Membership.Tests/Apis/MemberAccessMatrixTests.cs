using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Each post against each member endpoint, on a member of unit A and one of unit B (clusters A
/// and B; unit A has a branch). The member post is that of A's member. One test per post walks every
/// endpoint and reports every mismatch at once.</summary>
public class MemberAccessMatrixTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    /// <summary>Read: whoever reaches the member. Keep: the bloc office, or the secretary of the member's
    /// unit. Contact: those, or the member. Unit: keeping the members of a unit (the unit must be reached).
    /// Import: a unit's import, as Unit but answered 200. BlocImport: the bloc office only. Anyone: every
    /// post (a list of what it reaches, or the template).</summary>
    public enum Kind { Read, Keep, Contact, Unit, Import, BlocImport, Anyone }

    private static readonly (string Method, string Path, Kind Kind)[] Endpoints =
    [
        ("GET", "/members/{member}", Kind.Read),
        ("GET", "/members/{member}/history", Kind.Read),
        ("PUT", "/members/{member}", Kind.Keep),
        ("PUT", "/members/{member}/posts", Kind.Keep),
        ("PUT", "/members/{member}/contact", Kind.Contact),
        ("POST", "/units/{unit}/members", Kind.Unit),
        ("POST", "/units/{unit}/admissions", Kind.Unit),
        ("POST", "/units/{unit}/members/import?commit=true", Kind.Import),
        ("POST", "/members/import?commit=true", Kind.BlocImport),
        ("GET", "/members/export?format=csv", Kind.Anyone),
        ("GET", "/members/export?format=xlsx", Kind.Anyone),
        ("GET", "/members/import-template", Kind.Anyone),
    ];

    private readonly HttpClient _office = factory.CreateClient();
    private MatrixBloc _bloc = null!;
    private Guid _memberA, _memberB;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        var clusterA = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        var clusterB = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-B", name = "Cụm B" })).ReadAsync<ClusterResponse>())!.Id;
        var unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn A", kind = "agency", clusterId = clusterA })).ReadAsync<UnitResponse>())!.Id;
        var unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn B", kind = "agency", clusterId = clusterB })).ReadAsync<UnitResponse>())!.Id;
        var branchA = (await (await _office.PostAsJsonAsync($"/units/{unitA}/branches", new { name = "Chi đoàn 1" })).ReadAsync<BranchResponse>())!.Id;
        _bloc = new MatrixBloc(clusterA, clusterB, unitA, unitB, branchA);
        _memberA = (await (await _office.PostAsJsonAsync($"/units/{unitA}/members", Person("Nông Thị Ánh", "020199000011"))).ReadAsync<MemberResponse>())!.Id;
        _memberB = (await (await _office.PostAsJsonAsync($"/units/{unitB}/members", Person("Vi Văn Bình", "020099000012"))).ReadAsync<MemberResponse>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Person(string name, string cccd, string? phone = null) => new
    {
        fullName = name, dateOfBirth = "1999-05-05", gender = cccd[3] == '1' ? "female" : "male", ethnicity = "Nùng", citizenId = cccd,
        phone, joinedUnionOn = "2016-03-26",
    };

    private HttpClient As(Who who) => factory.CreateClient().As(who == Who.Member ? TestTokens.For(Post.OfMember(_memberA)) : _bloc.TokenOf(who));

    /// <summary>Whether the post reaches the member (of unit A or B); a member post reaches only A's member.</summary>
    private static bool Reaches(Who who, bool a) => who == Who.Member ? a : MatrixBloc.Reaches(who, a);

    private static HttpStatusCode Expected(Who who, Kind kind, bool a, HttpStatusCode success)
    {
        var keeps = who == Who.BlocOffice || (who == Who.SecretaryOfA && a);
        return kind switch
        {
            Kind.Anyone => HttpStatusCode.OK,
            Kind.BlocImport => who == Who.BlocOffice ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            Kind.Unit or Kind.Import when who == Who.Member => HttpStatusCode.NotFound,      // a member reaches no unit
            _ when !Reaches(who, a) => HttpStatusCode.NotFound,
            Kind.Read => HttpStatusCode.OK,
            Kind.Contact when who == Who.Member => success,
            _ => keeps ? success : HttpStatusCode.Forbidden,
        };
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_on_each_member_endpoint_inside_and_outside_its_reach(Who who)
    {
        var client = As(who);
        var mismatches = new List<string>();
        var n = 20;
        foreach (var (method, path, kind) in Endpoints)
            foreach (var a in new[] { true, false })
            {
                var member = a ? _memberA : _memberB;
                var url = path.Replace("{member}", member.ToString()).Replace("{unit}", (a ? _bloc.UnitA : _bloc.UnitB).ToString());
                n++;
                object? body = path switch
                {
                    "/members/{member}" => Person(a ? "Nông Thị Ánh" : "Vi Văn Bình", a ? "020199000011" : "020099000012", "0912000000"),
                    "/members/{member}/posts" => new { posts = new[] { new { post = "committeeMember", from = "2024-01-01" } } },
                    "/members/{member}/contact" => new { phone = "0912000001" },
                    "/units/{unit}/members" => Person("Hoàng Văn Chiến", $"0200990000{n:00}"),
                    "/units/{unit}/admissions" => new { fullName = "Lục Thị Dung", dateOfBirth = "2006-02-02", gender = "female", ethnicity = "Tày", resolutionNumber = "01-NQ", admittedOn = "2026-01-09" },
                    _ => null,
                };
                HttpContent? content = kind is Kind.Import or Kind.BlocImport
                    ? Files.SheetFiles.Form(Files.SheetFiles.Csv(",", true, [.. Files.SheetFiles.Header, "Mã đơn vị"],
                        [.. Files.SheetFiles.Person("Hoàng Văn Chiến", $"0200990000{n:00}", born: "05/05/1999", gender: "Nam"), a ? "UA" : "UB"]), "ds.csv")
                    : body is null ? null : JsonContent.Create(body);
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = content });
                var success = method == "POST" && kind is not (Kind.Import or Kind.BlocImport) ? HttpStatusCode.Created : HttpStatusCode.OK;
                var expected = Expected(who, kind, a, success);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != expected)
                    mismatches.Add($"{method} {path} on {(a ? "A" : "B")}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
                else if (expected == HttpStatusCode.NotFound && (text.Contains("Bình") || text.Contains("Đoàn B")))
                    mismatches.Add($"{method} {path} on {(a ? "A" : "B")}: a 404 that tells about what it hides: {text}");
            }
        Assert.True(mismatches.Count == 0, $"{who}:\n" + string.Join("\n", mismatches));
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Lists_hold_only_the_members_the_post_reaches_with_personal_data_only_where_it_may_be_read(Who who)
    {
        var list = await As(who).GetFromJsonAsync<JsonElement>("/members?pageSize=200");

        var expected = new[] { (_memberA, true), (_memberB, false) }.Where(m => Reaches(who, m.Item2)).Select(m => m.Item1).Order();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(expected, items.Select(m => m.GetProperty("id").GetGuid()).Order());
        Assert.All(items, m => Assert.StartsWith("********", m.GetProperty("citizenIdMasked").GetString()));
        Assert.DoesNotContain("Nùng", list.GetRawText());

        var full = await As(who).GetAsync($"/members/{_memberA}");
        if (!Reaches(who, true)) return;
        var member = (await full.ReadAsync<MemberResponse>())!;
        var reads = who is Who.BlocOffice or Who.ReadOnlySystem or Who.SecretaryOfA or Who.Member;
        Assert.Equal((reads, reads ? "020199000011" : "********0011", reads ? "Nùng" : null),
            (member.PersonalDataShown, member.CitizenId, member.EthnicityName));

        // The export holds what the list holds, the CCCD whole and the ethnicity only where the post reads them.
        var export = await As(who).GetStringAsync("/members/export?format=csv");
        Assert.Equal(expected.Count() + 1, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal((reads, reads), (export.Contains("020199000011"), export.Contains("Nùng")));
        Assert.Equal(Reaches(who, false), export.Contains("Bình"));
    }
}
