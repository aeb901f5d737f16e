using DoanKhoi.Files;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Files;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>The figures the bloc office sends up the line, the members turning 30, the members of a
/// past day, and the youths each unit reaches.</summary>
public class StatisticsApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _cluster1, _cluster2, _unitA, _unitB, _unitC;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        _cluster1 = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm thi đua số 1" })).ReadAsync<ClusterResponse>())!.Id;
        _cluster2 = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-02", name = "Cụm thi đua số 2" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = await Unit("UA", "Đoàn Sở Y tế", _cluster1);
        _unitB = await Unit("UB", "Đoàn Sở Tài chính", _cluster1);
        _unitC = await Unit("UC", "Đoàn Cục Thuế", _cluster2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> Unit(string code, string name, Guid cluster) =>
        (await (await _office.PostAsJsonAsync("/units", new { code, name, kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;

    private async Task<Guid> Register(Guid unit, string name, string born, string gender = "female", string ethnicity = "Tày", string party = "none", string? joined = null)
    {
        joined ??= DateOnly.Parse(born).AddYears(17).ToString("yyyy-MM-dd");
        var response = await _office.PostAsJsonAsync($"/units/{unit}/members", new
        {
            fullName = name, dateOfBirth = born, gender, ethnicity, joinedUnionOn = joined, partyStatus = party,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!.Id;
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    [Fact]
    public async Task Members_are_counted_by_cluster_unit_gender_ethnicity_age_band_and_party_status()
    {
        var born22 = Today.AddYears(-22).ToString("yyyy-MM-dd");
        var born28 = Today.AddYears(-28).ToString("yyyy-MM-dd");
        await Register(_unitA, "Nông Thị Ánh", born22);
        await Register(_unitA, "Hoàng Văn Bình", born28, "male", "Nùng", "partyMember");
        await Register(_unitB, "Lương Thị Chi", born28, ethnicity: "Kinh", party: "recommended");
        await Register(_unitC, "Vi Văn Dũng", born22, "male", "Kinh");

        var byCluster = (await _office.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=cluster", ProblemAssertions.Json))!;
        var byUnit = (await _office.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=unit", ProblemAssertions.Json))!;
        var byEthnicity = (await _office.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=ethnicity", ProblemAssertions.Json))!;
        var byAge = (await _office.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=ageBand", ProblemAssertions.Json))!;

        Assert.Equal([("Cụm thi đua số 1", 3, 2, 1, 1), ("Cụm thi đua số 2", 1, 0, 0, 0)],
            byCluster.Rows.Select(r => (r.Label, r.Members, r.Women, r.PartyMembers, r.RecommendedToParty)));
        Assert.Equal((4, 2, 2, 2), (byCluster.Total.Members, byCluster.Total.Women, byCluster.Total.Aged21To25, byCluster.Total.Aged26To30));
        Assert.Equal(["Đoàn Cục Thuế", "Đoàn Sở Tài chính", "Đoàn Sở Y tế"], byUnit.Rows.Select(r => r.Label));
        Assert.Equal([("Kinh", 2), ("Nùng", 1), ("Tày", 1)], byEthnicity.Rows.Select(r => (r.Label, r.Members)));
        Assert.Equal([("21-25", 2), ("26-30", 2)], byAge.Rows.Select(r => (r.Key, r.Members)));
    }

    [Fact]
    public async Task Counting_by_ethnicity_is_for_the_posts_that_may_read_it()
    {
        await Register(_unitA, "Nông Thị Ánh", "2000-01-01");
        var lead = factory.CreateClient().As(Post.OnCluster(_cluster1));
        var secretary = factory.CreateClient().As(Post.OnUnit(_unitA));

        (await (await lead.GetAsync("/members/statistics?groupBy=ethnicity")).ShouldBeProblemAsync(HttpStatusCode.Forbidden)).ShouldNameFields("groupBy");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/members/statistics?groupBy=ethnicity&unitId={_unitA}")).StatusCode);
        // A cluster lead's figures are those of the cluster's units only.
        await Register(_unitC, "Vi Văn Dũng", "2000-01-01", "male");
        var theirs = (await lead.GetFromJsonAsync<MemberStatistics>("/members/statistics?groupBy=unit", ProblemAssertions.Json))!;
        Assert.Equal([_unitA.ToString()], theirs.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task Movements_of_a_period_count_admissions_transfers_and_exits_by_unit()
    {
        var secretaryA = factory.CreateClient().As(Post.OnUnit(_unitA));
        var admitted = await secretaryA.PostAsJsonAsync($"/units/{_unitA}/admissions", new
        {
            fullName = "Lộc Thị Hoa", dateOfBirth = "2006-02-02", gender = "female", ethnicity = "Tày", resolutionNumber = "05-NQ/ĐTN", admittedOn = "2026-03-26",
        });
        Assert.Equal(HttpStatusCode.Created, admitted.StatusCode);
        var moving = await Register(_unitA, "Hoàng Văn Bình", "1998-01-01", "male");
        var transfer = (await (await secretaryA.PostAsJsonAsync($"/members/{moving}/transfers", new { toUnitId = _unitB, issuedOn = "2026-04-01" })).ReadAsync<TransferResponse>())!;
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().As(Post.OnUnit(_unitB)).PostAsJsonAsync($"/transfers/{transfer.Id}/accept", new { acceptedOn = "2026-04-05" })).StatusCode);
        var leaving = await Register(_unitA, "Mã Thị Lan", "1997-01-01");
        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/members/{leaving}/leaving", new { reason = "movedAway", on = "2026-06-01" })).StatusCode);

        var period = (await _office.GetFromJsonAsync<MemberMovements>("/members/movements?from=2026-01-01&to=2026-06-30&groupBy=unit", ProblemAssertions.Json))!;
        var before = (await _office.GetFromJsonAsync<MemberMovements>("/members/movements?from=2025-01-01&to=2025-12-31", ProblemAssertions.Json))!;

        var a = period.Rows.Single(r => r.Key == _unitA.ToString());
        var b = period.Rows.Single(r => r.Key == _unitB.ToString());
        Assert.Equal((1, 0, 1, 1), (a.Admitted, a.TransferredIn, a.TransferredOut, a.Left));
        Assert.Equal((0, 1, 0), (b.Admitted, b.TransferredIn, b.TransferredOut));
        Assert.Equal((0, 0, 0), (before.Total.Admitted, before.Total.TransferredIn, before.Total.Left));
        (await (await _office.GetAsync("/members/movements?from=2026-06-30&to=2026-01-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("to");

        // Who were the members of unit A on 01/04/2026: Bình still, and Lan, though both are gone now.
        var then = await _office.GetFromJsonAsync<JsonElement>($"/members?unitId={_unitA}&on=2026-04-01");
        var now = await _office.GetFromJsonAsync<JsonElement>($"/members?unitId={_unitA}");
        Assert.Equal(["Hoàng Văn Bình", "Lộc Thị Hoa", "Mã Thị Lan"], Names(then));
        Assert.Equal(["Lộc Thị Hoa"], Names(now));
        var secretaryThen = await secretaryA.GetFromJsonAsync<JsonElement>($"/members?on=2026-04-01");
        Assert.Equal(3, secretaryThen.GetProperty("total").GetInt32());
    }

    private static string[] Names(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("fullName").GetString()!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Members_turning_30_are_listed_ahead_with_the_post_that_keeps_one_on()
    {
        var soon = Today.AddYears(-31).AddMonths(2).ToString("yyyy-MM-dd");
        var later = Today.AddYears(-31).AddMonths(9).ToString("yyyy-MM-dd");
        var past = Today.AddYears(-31).AddDays(-10).ToString("yyyy-MM-dd");
        var turning = await Register(_unitA, "Nông Thị Ánh", soon);
        await Register(_unitA, "Hoàng Văn Bình", later, "male");
        var secretary = await Register(_unitA, "Lương Văn Cường", past, "male");
        Assert.Equal(HttpStatusCode.OK, (await _office.PutAsJsonAsync($"/members/{secretary}/posts",
            new { posts = new[] { new { post = "secretary", from = "2022-10-01", to = Today.AddMonths(10).ToString("yyyy-MM-dd") } } })).StatusCode);

        var list = (await factory.CreateClient().As(Post.OnUnit(_unitA)).GetFromJsonAsync<PagedList<MaturingMember>>("/members/maturing", ProblemAssertions.Json))!;

        Assert.Equal(["Lương Văn Cường", "Nông Thị Ánh"], list.Items.Select(m => m.FullName));
        Assert.Equal((UnionPost?)UnionPost.Secretary, list.Items[0].Post);
        Assert.Equal(Today.AddMonths(10).AddDays(1), list.Items[0].MayMatureFrom);
        Assert.Equal(DateOnly.Parse(soon).AddYears(31), list.Items[1].MaturesOn);
        Assert.Empty((await factory.CreateClient().As(Post.OnUnit(_unitB)).GetFromJsonAsync<PagedList<MaturingMember>>("/members/maturing", ProblemAssertions.Json))!.Items);
        _ = turning;

        // The same list as a file for the unit to prepare: the same people in the same order, the post and its end.
        var csv = await factory.CreateClient().As(Post.OnUnit(_unitA)).GetAsync("/members/maturing/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Họ và tên,Ngày sinh,Quá 30 tuổi từ,Đơn vị,Chức vụ,Hết nhiệm kỳ,Có thể trưởng thành từ", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"Lương Văn Cường,{DateOnly.Parse(past):dd/MM/yyyy},", lines[1]);
        Assert.EndsWith($",Bí thư,{Today.AddMonths(10):dd/MM/yyyy},{Today.AddMonths(10).AddDays(1):dd/MM/yyyy}", lines[1]);
        Assert.StartsWith("Nông Thị Ánh,", lines[2]);
        var xlsx = await factory.CreateClient().As(Post.OnUnit(_unitB)).GetAsync("/members/maturing/export");
        Assert.Equal(TableFile.XlsxContentType, xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_unit_records_the_youths_it_reaches_by_day_and_a_second_count_of_the_day_corrects_the_first()
    {
        var secretaryA = factory.CreateClient().As(Post.OnUnit(_unitA));

        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/units/{_unitA}/youth-counts", new { countedOn = "2026-06-30", youths = 120 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/units/{_unitA}/youth-counts", new { countedOn = "2026-06-30", youths = 125, note = "Bổ sung chi đoàn Dược" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/units/{_unitA}/youth-counts", new { countedOn = "2026-09-30", youths = 131 })).StatusCode);

        var counts = (await secretaryA.GetFromJsonAsync<PagedList<YouthCountResponse>>($"/units/{_unitA}/youth-counts", ProblemAssertions.Json))!;
        Assert.Equal([(new DateOnly(2026, 9, 30), 131, 1), (new DateOnly(2026, 6, 30), 125, 2)], counts.Items.Select(c => (c.CountedOn, c.Youths, c.Version)));
        Assert.True(await factory.PublishedAsync<YouthCountRecorded>(e => e.UnitId == _unitA && e.CountedOn == new DateOnly(2026, 6, 30) && e.Youths == 125 && e.Version == 2));

        var bad = await secretaryA.PostAsJsonAsync($"/units/{_unitA}/youth-counts", new { countedOn = Today.AddDays(3).ToString("yyyy-MM-dd"), youths = -1 });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("countedOn");
        var negative = await secretaryA.PostAsJsonAsync($"/units/{_unitA}/youth-counts", new { countedOn = "2026-06-30", youths = -1 });
        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("youths");
        await (await secretaryA.PostAsJsonAsync($"/units/{_unitB}/youth-counts", new { countedOn = "2026-06-30", youths = 3 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
