using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Each post against each endpoint of the evaluations, youth counts and statistics, on unit A
/// (and its member) and unit B (clusters A and B). The member post is that of A's member.</summary>
public class EvaluationAccessMatrixTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    /// <summary>UnitRead: whoever reaches the unit. UnitKeep: the bloc office or the unit's secretary.
    /// Grades: reads who got which grade (the member, the unit's secretaries, the bloc's posts).
    /// Standing: the standing committee only. Everyone: any post, each seeing their part.</summary>
    public enum Kind { UnitRead, UnitKeep, Grades, Standing, Everyone }

    private static readonly (string Method, string Path, Kind Kind)[] Endpoints =
    [
        ("GET", "/units/{unit}/evaluations/2025", Kind.UnitRead),
        ("PUT", "/units/{unit}/evaluations/2025/members", Kind.UnitKeep),
        ("GET", "/members/{member}/evaluations", Kind.Grades),
        ("GET", "/evaluations/2025", Kind.Everyone),
        ("PUT", "/evaluations/2025/units", Kind.Standing),
        ("POST", "/evaluations/2025/close", Kind.Standing),
        ("POST", "/evaluations/2025/reopen", Kind.Standing),
        ("POST", "/units/{unit}/youth-counts", Kind.UnitKeep),
        ("GET", "/units/{unit}/youth-counts", Kind.UnitRead),
        ("GET", "/members/statistics", Kind.Everyone),
        ("GET", "/members/movements", Kind.Everyone),
        ("GET", "/members/statistics/export", Kind.Everyone),
        ("GET", "/members/movements/export", Kind.Everyone),
        ("GET", "/members/maturing", Kind.Everyone),
        ("GET", "/members/maturing/export", Kind.Everyone),
        ("GET", "/transfers/export", Kind.Everyone),
        ("GET", "/units/export", Kind.Everyone),
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
        _memberA = await Register(unitA, "Nông Thị Ánh");
        _memberB = await Register(unitB, "Vi Văn Bình");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> Register(Guid unit, string name) =>
        (await (await _office.PostAsJsonAsync($"/units/{unit}/members", new
        {
            fullName = name, dateOfBirth = "1999-05-05", gender = "female", ethnicity = "Nùng", joinedUnionOn = "2016-03-26",
        })).ReadAsync<MemberResponse>())!.Id;

    private HttpClient As(Who who) => factory.CreateClient().As(who == Who.Member ? TestTokens.For(Post.OfMember(_memberA)) : _bloc.TokenOf(who));

    private static HttpStatusCode Expected(Who who, Kind kind, bool a)
    {
        var reaches = who == Who.Member ? false : MatrixBloc.Reaches(who, a);
        var writes = who != Who.ReadOnlySystem;
        return kind switch
        {
            Kind.Everyone => HttpStatusCode.OK,
            Kind.Standing => who == Who.StandingCommittee ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            Kind.Grades when who == Who.Member => a ? HttpStatusCode.OK : HttpStatusCode.NotFound,
            _ when !reaches => HttpStatusCode.NotFound,
            Kind.UnitRead => HttpStatusCode.OK,
            Kind.Grades => who == Who.LeadOfA ? HttpStatusCode.Forbidden : HttpStatusCode.OK,
            _ => writes && (who == Who.BlocOffice || (who == Who.SecretaryOfA && a)) ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        };
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_on_each_evaluation_youth_and_statistics_endpoint_inside_and_outside_its_reach(Who who)
    {
        var client = As(who);
        var mismatches = new List<string>();
        foreach (var (method, path, kind) in Endpoints)
            foreach (var a in new[] { true, false })
            {
                if (!path.Contains('{') && !a) continue;
                var member = a ? _memberA : _memberB;
                var url = path.Replace("{member}", member.ToString()).Replace("{unit}", (a ? _bloc.UnitA : _bloc.UnitB).ToString());
                object? body = path switch
                {
                    "/units/{unit}/evaluations/2025/members" => new { grades = new[] { new { memberId = member, grade = "good" } } },
                    "/evaluations/2025/units" => new { grades = new[] { new { unitId = _bloc.UnitA, grade = "good" } } },
                    "/evaluations/2025/reopen" => new { reason = "Xét lại" },
                    "/units/{unit}/youth-counts" when method == "POST" => new { countedOn = "2026-06-30", youths = 40 },
                    _ => null,
                };
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) });
                var expected = Expected(who, kind, a);
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
    public async Task The_year_and_the_statistics_hold_only_the_units_the_post_reaches(Who who)
    {
        var year = (await As(who).GetFromJsonAsync<EvaluationYearResponse>("/evaluations/2025", ProblemAssertions.Json))!;
        var statistics = (await As(who).GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=unit", ProblemAssertions.Json))!;

        var expected = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => who != Who.Member && MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).Order();
        Assert.Equal(expected, year.Units.Select(u => u.UnitId).Order());
        // A member is counted in their own unit's figures only: their own record.
        IEnumerable<Guid> counted = who == Who.Member ? [_bloc.UnitA] : expected;
        Assert.Equal(counted, statistics.Rows.Select(r => Guid.Parse(r.Key)).Order());
    }
}
