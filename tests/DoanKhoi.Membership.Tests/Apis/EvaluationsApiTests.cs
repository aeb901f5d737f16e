using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Evaluations;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>The yearly evaluation as a unit and the standing committee live it: a branch graded in one
/// request, nobody grading themselves, the units graded, the year closed and reopened on the record.</summary>
public class EvaluationsApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private readonly HttpClient _standing = factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));
    private Guid _cluster, _unitA, _unitB, _branchA;
    private HttpClient _secretaryA = null!;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _cluster = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn Sở Y tế", kind = "agency", clusterId = _cluster })).ReadAsync<UnitResponse>())!.Id;
        _unitB = (await (await _office.PostAsJsonAsync("/units", new { code = "UB", name = "Đoàn Sở Tài chính", kind = "agency", clusterId = _cluster })).ReadAsync<UnitResponse>())!.Id;
        _branchA = (await (await _office.PostAsJsonAsync($"/units/{_unitA}/branches", new { name = "Chi đoàn Dược" })).ReadAsync<BranchResponse>())!.Id;
        _secretaryA = factory.CreateClient().As(Post.OnUnit(_unitA));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> Register(Guid unit, string name, Guid? branch = null, string joined = "2018-03-26")
    {
        var response = await _office.PostAsJsonAsync($"/units/{unit}/members", new
        {
            fullName = name, dateOfBirth = "1998-05-05", gender = "female", ethnicity = "Tày", joinedUnionOn = joined, branchId = branch,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!.Id;
    }

    [Fact]
    public async Task A_secretary_grades_a_whole_branch_in_one_request_and_each_member_sees_their_own_grade()
    {
        var anh = await Register(_unitA, "Nông Thị Ánh", _branchA);
        var binh = await Register(_unitA, "Hoàng Văn Bình", _branchA);
        var chi = await Register(_unitA, "Lương Thị Chi");

        var graded = await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new
        {
            grades = new object[] { new { memberId = anh, grade = "excellent", note = "Tiêu biểu" }, new { memberId = binh, grade = "good" } },
        });

        Assert.True(graded.StatusCode == HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
        var sheet = (await graded.ReadAsync<UnitEvaluationSheet>())!;
        Assert.Equal((3, new GradeCounts(1, 1, 0, 0)), (sheet.MemberCount, sheet.MemberGrades));
        Assert.Equal([(anh, Grade.Excellent), (binh, Grade.Good), (chi, (Grade?)null)],
            sheet.Members!.Items.OrderBy(r => r.FullName == "Nông Thị Ánh" ? 0 : r.FullName == "Hoàng Văn Bình" ? 1 : 2).Select(r => (r.MemberId, r.Grade)));
        var branchOnly = await _secretaryA.GetFromJsonAsync<UnitEvaluationSheet>($"/units/{_unitA}/evaluations/2025?branchId={_branchA}", ProblemAssertions.Json);
        Assert.Equal(2, branchOnly!.MemberCount);

        var own = await factory.CreateClient().As(Post.OfMember(anh)).GetFromJsonAsync<List<MemberGradeResponse>>($"/members/{anh}/evaluations", ProblemAssertions.Json);
        Assert.Equal((2025, Grade.Excellent, "Tiêu biểu", false), (own![0].Year, own[0].Grade, own[0].Note, own[0].YearClosed));
        Assert.True(await factory.PublishedAsync<MemberEvaluated>(e => e.MemberId == anh && e.Year == 2025 && e.Grade == Grade.Excellent && e.UnitId == _unitA && e.Version == 1));
    }

    [Fact]
    public async Task A_request_with_one_bad_grade_grades_nobody_and_names_each_bad_row()
    {
        var anh = await Register(_unitA, "Nông Thị Ánh");
        var other = await Register(_unitB, "Vi Văn Dũng");

        var refused = await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new
        {
            grades = new object[] { new { memberId = anh, grade = "good" }, new { memberId = other, grade = "good" }, new { memberId = anh, grade = "great" } },
        });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ShouldNameFields("grades[1].memberId", "grades[2].grade", "grades[2].memberId");
        Assert.DoesNotContain("Tài chính", problem.GetRawText()); // the other unit's member is not told about
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM member_evaluations"));
    }

    [Fact]
    public async Task Nobody_grades_their_own_evaluation()
    {
        var secretary = await Register(_unitA, "Hà Thị Giang");
        var both = factory.CreateClient().As(TestTokens.For(Post.OnUnit(_unitA), Post.OfMember(secretary)));

        var refused = await both.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = secretary, grade = "excellent" } } });

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ShouldNameFields("grades[0].memberId");
        // The bloc office (or another committee member) grades the secretary.
        Assert.Equal(HttpStatusCode.OK, (await _office.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members",
            new { grades = new[] { new { memberId = secretary, grade = "excellent" } } })).StatusCode);
    }

    [Fact]
    public async Task A_closed_year_is_locked_until_the_standing_committee_reopens_it_with_a_reason_on_the_record()
    {
        var anh = await Register(_unitA, "Nông Thị Ánh");
        Assert.Equal(HttpStatusCode.OK, (await _standing.PutAsJsonAsync("/evaluations/2025/units",
            new { grades = new[] { new { unitId = _unitA, grade = "excellent" }, new { unitId = _unitB, grade = "good" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members",
            new { grades = new[] { new { memberId = anh, grade = "good" } } })).StatusCode);

        // Only the standing committee closes it.
        await (await _office.PostAsync("/evaluations/2025/close", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var closed = await _standing.PostAsync("/evaluations/2025/close", null);
        Assert.True((await closed.ReadAsync<EvaluationYearResponse>())!.Closed);

        var locked = await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = anh, grade = "excellent" } } });
        Assert.Contains("closed", (await locked.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        await (await _standing.PutAsJsonAsync("/evaluations/2025/units", new { grades = new[] { new { unitId = _unitB, grade = "pass" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await (await _standing.PostAsJsonAsync("/evaluations/2025/reopen", new { reason = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("reason");

        var reopened = await _standing.PostAsJsonAsync("/evaluations/2025/reopen", new { reason = "Đơn vị đề nghị xét lại theo kết luận kiểm tra" });

        var year = (await reopened.ReadAsync<EvaluationYearResponse>())!;
        Assert.False(year.Closed);
        Assert.Equal([EvaluationYearChange.Closed, EvaluationYearChange.Reopened], year.Record.Select(s => s.Change));
        Assert.Equal("Đơn vị đề nghị xét lại theo kết luận kiểm tra", year.Record[1].Reason);
        Assert.Equal(HttpStatusCode.OK, (await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members",
            new { grades = new[] { new { memberId = anh, grade = "excellent" } } })).StatusCode);
        Assert.True(await factory.PublishedAsync<MemberEvaluated>(e => e.MemberId == anh && e.Grade == Grade.Excellent && e.Version == 2));
        Assert.True(await factory.PublishedAsync<EvaluationYearReopened>(e => e.Year == 2025 && e.Version == 2));
        Assert.Equal(new GradeCounts(1, 1, 0, 0), year.UnitGrades);
    }

    [Fact]
    public async Task Units_are_graded_by_the_standing_committee_only_and_a_cluster_lead_sees_counts_not_names()
    {
        var anh = await Register(_unitA, "Nông Thị Ánh");
        await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = anh, grade = "pass" } } });

        await (await _secretaryA.PutAsJsonAsync("/evaluations/2025/units", new { grades = new[] { new { unitId = _unitA, grade = "excellent" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var graded = await _standing.PutAsJsonAsync("/evaluations/2025/units", new { grades = new[] { new { unitId = _unitA, grade = "good", note = "Hoàn thành tốt" } } });
        Assert.Equal(HttpStatusCode.OK, graded.StatusCode);
        Assert.True(await factory.PublishedAsync<UnitEvaluated>(e => e.UnitId == _unitA && e.ClusterId == _cluster && e.Grade == Grade.Good && e.Year == 2025));

        var lead = factory.CreateClient().As(Post.OnCluster(_cluster));
        var sheet = (await lead.GetFromJsonAsync<UnitEvaluationSheet>($"/units/{_unitA}/evaluations/2025", ProblemAssertions.Json))!;
        Assert.Equal((Grade.Good, new GradeCounts(0, 0, 1, 0), (PagedList<MemberGradeRow>?)null), (sheet.UnitGrade, sheet.MemberGrades, sheet.Members));
        await (await lead.GetAsync($"/members/{anh}/evaluations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2099")]
    public async Task A_year_outside_those_evaluated_is_refused_naming_the_year(string year)
    {
        (await (await _standing.PostAsync($"/evaluations/{year}/close", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("year");
    }

    [Fact]
    public async Task A_member_who_joined_after_the_year_or_left_is_not_graded_for_it()
    {
        var late = await Register(_unitA, "Triệu Văn Khánh", joined: "2026-02-01");
        var gone = await Register(_unitA, "Mã Thị Lan");
        Assert.Equal(HttpStatusCode.OK, (await _secretaryA.PostAsJsonAsync($"/members/{gone}/leaving", new { reason = "movedAway", on = "2026-03-01" })).StatusCode);

        var refused = await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = late, grade = "good" } } });
        Assert.Contains("after 2025", (await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var left = await _secretaryA.PutAsJsonAsync($"/units/{_unitA}/evaluations/2025/members", new { grades = new[] { new { memberId = gone, grade = "good" } } });
        await left.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var sheet = (await _secretaryA.GetFromJsonAsync<JsonElement>($"/units/{_unitA}/evaluations/2025"));
        Assert.Equal(0, sheet.GetProperty("memberCount").GetInt32());
    }
}
