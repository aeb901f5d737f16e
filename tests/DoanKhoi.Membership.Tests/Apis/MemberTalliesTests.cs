using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Today's statistics and a plain list's total add up the members' tallies, which PostgreSQL keeps
/// as members are written; asked for a day (<c>on</c>), the same figures are counted member by member.
/// Both must agree after every kind of change, and at the very days the age bands part.</summary>
public class MemberTalliesTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private static readonly string[] Givens = ["An", "Bình", "Chi", "Dung", "Giang", "Hà", "Hoa", "Lan", "Mai", "Nga", "Oanh"];
    private static readonly string[] Groupings = ["cluster", "unit", "gender", "ageBand", "partyStatus"];
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _unitA, _unitB, _unitC;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        var cluster1 = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-01", name = "Cụm thi đua số 1" })).ReadAsync<ClusterResponse>())!.Id;
        var cluster2 = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-02", name = "Cụm thi đua số 2" })).ReadAsync<ClusterResponse>())!.Id;
        _unitA = await Unit("UA", "Đoàn Sở Y tế", cluster1);
        _unitB = await Unit("UB", "Đoàn Sở Tài chính", cluster1);
        _unitC = await Unit("UC", "Đoàn Cục Thuế", cluster2);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> Unit(string code, string name, Guid cluster) =>
        (await (await _office.PostAsJsonAsync("/units", new { code, name, kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;

    private static object Profile(string name, DateOnly born, string gender, bool cadre = false, string party = "none") => new
    {
        fullName = name, dateOfBirth = born.ToString("yyyy-MM-dd"), gender, ethnicity = "Tày", joinedUnionOn = born.AddYears(17).ToString("yyyy-MM-dd"),
        partyStatus = party, isCadre = cadre,
    };

    private async Task<Guid> Register(Guid unit, string name, DateOnly born, string gender = "female", bool cadre = false)
    {
        var response = await _office.PostAsJsonAsync($"/units/{unit}/members", Profile(name, born, gender, cadre));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!.Id;
    }

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    private async Task<MemberStatistics> Statistics(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<MemberStatistics>($"/members/statistics?{query}", ProblemAssertions.Json))!;

    /// <summary>Today's figures as tallied, and as counted one member at a time (asked for today as a day).</summary>
    private async Task ShouldAgreeWithCountingAsync(string filter = "")
    {
        foreach (var by in Groupings)
        {
            var tallied = await Statistics(_office, $"groupBy={by}{filter}");
            var counted = await Statistics(_office, $"groupBy={by}{filter}&on={Today:yyyy-MM-dd}&status=current");
            Assert.Equal(counted.Total, tallied.Total);
            Assert.Equal(counted.Rows, tallied.Rows);
        }
    }

    [Fact]
    public async Task Todays_figures_agree_with_the_members_counted_one_by_one_through_every_change_and_at_the_age_limits()
    {
        // Born on the very day an age band ends, the day after, and a month either side (20, 25 and 30 years ago).
        var turned21 = Today.AddYears(-21);
        var turned26 = Today.AddYears(-26);
        var turned31 = Today.AddYears(-31);
        var born = new[]
        {
            turned21, turned21.AddDays(1), turned21.AddMonths(-1), turned21.AddMonths(1),
            turned26, turned26.AddDays(1), turned26.AddMonths(-1), turned26.AddMonths(1),
            turned31, turned31.AddDays(1), turned31.AddMonths(1),
        };
        var ids = new List<Guid>();
        for (var i = 0; i < born.Length; i++)
            ids.Add(await Register(i % 3 == 0 ? _unitA : i % 3 == 1 ? _unitB : _unitC, $"Hoàng Thị {Givens[i]}", born[i], i % 2 == 0 ? "female" : "male", cadre: i == 8));

        var byAge = await Statistics(_office, "groupBy=ageBand");
        // 16-20: the day after turning 21, and a month after; 21-25: turning 21 today, a month before, the day after
        // turning 26, a month after; 26-30: turning 26 today, a month before, the day after turning 31, a month after;
        // over 30: turning 31 today.
        Assert.Equal((11, 2, 4, 4, 1), (byAge.Total.Members, byAge.Total.Aged16To20, byAge.Total.Aged21To25, byAge.Total.Aged26To30, byAge.Total.AgedOver30));
        await ShouldAgreeWithCountingAsync();

        // Every kind of change moves a member from one tally to another.
        var secretaryA = factory.CreateClient().As(Post.OnUnit(_unitA));
        var secretaryB = factory.CreateClient().As(Post.OnUnit(_unitB));
        var corrected = await _office.PutAsJsonAsync($"/members/{ids[1]}", Profile("Hoàng Văn Bình", turned26.AddMonths(-2), "male", cadre: true, party: "partyMember"));
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/members/{ids[3]}/party-recommendation", new { decisionNumber = "05-QĐ/ĐTN", on = Today.ToString("yyyy-MM-dd") })).StatusCode);
        var accepted = (await (await secretaryA.PostAsJsonAsync($"/members/{ids[0]}/transfers", new { toUnitId = _unitC })).ReadAsync<TransferResponse>())!;
        Assert.Equal(HttpStatusCode.OK, (await _office.PostAsJsonAsync($"/transfers/{accepted.Id}/accept", new { })).StatusCode);
        var pending = (await (await secretaryA.PostAsJsonAsync($"/members/{ids[6]}/transfers", new { toUnitId = _unitB })).ReadAsync<TransferResponse>())!;
        Assert.Equal(HttpStatusCode.OK, (await secretaryA.PostAsJsonAsync($"/members/{ids[9]}/leaving", new { reason = "movedAway" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _office.PostAsJsonAsync($"/members/{ids[8]}/maturity", new { })).StatusCode);

        await ShouldAgreeWithCountingAsync();
        await ShouldAgreeWithCountingAsync($"&clusterId={(await Statistics(_office, "groupBy=cluster")).Rows[0].Key}&gender=male");
        await ShouldAgreeWithCountingAsync($"&unitId={_unitC}&partyStatus=none");
        var current = await Statistics(_office, "groupBy=partyStatus");
        Assert.Equal((9, 1, 1), (current.Total.Members, current.Total.PartyMembers, current.Total.RecommendedToParty));
        Assert.Equal(1, (await Statistics(_office, "groupBy=unit&status=left")).Total.Members);
        Assert.Equal(1, (await Statistics(_office, "groupBy=unit&status=matured")).Total.Members);
        Assert.Equal(11, (await Statistics(_office, "groupBy=unit&status=all")).Total.Members);

        // Unit B's secretary counts B's members and the one in transfer to B, still on A's rolls until B decides.
        var seenByB = await Statistics(secretaryB, "groupBy=unit");
        Assert.Equal(new[] { (_unitA.ToString(), 1), (_unitB.ToString(), 4) }.Order(), seenByB.Rows.Select(r => (r.Key, r.Members)).Order());
        Assert.Equal(HttpStatusCode.OK, (await secretaryB.PostAsJsonAsync($"/transfers/{pending.Id}/accept", new { })).StatusCode);
        Assert.Equal([(_unitB.ToString(), 5)], (await Statistics(secretaryB, "groupBy=unit")).Rows.Select(r => (r.Key, r.Members)));

        // A plain list's total is the tallies' sum; it is the list's length.
        foreach (var query in new[] { $"unitId={_unitA}", $"unitId={_unitB}&gender=female", "status=all", "partyStatus=recommended" })
        {
            var list = await _office.GetFromJsonAsync<JsonElement>($"/members?{query}&pageSize=100");
            Assert.Equal(list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt32());
        }
        var ofB = await secretaryB.GetFromJsonAsync<JsonElement>("/members");
        Assert.Equal(5, ofB.GetProperty("total").GetInt32());

        // A bulk load that bypassed the triggers recounts them from the members: the same figures.
        var all = await Statistics(_office, "groupBy=unit&status=all");
        await factory.Database.ScalarAsync<string>("DELETE FROM member_tallies");
        // Without them only the members born in a month an age band parts in are counted (one by one).
        Assert.True((await Statistics(_office, "groupBy=unit&status=all")).Total.Members < all.Total.Members);
        await factory.Database.ScalarAsync<string>(MemberTally.RebuildSql);
        var recounted = await Statistics(_office, "groupBy=unit&status=all");
        Assert.Equal(all.Total, recounted.Total);
        Assert.Equal(all.Rows, recounted.Rows);

        // A member row an operator removes by hand (a mistaken bulk load undone; the API never deletes one) leaves its tally too.
        await factory.Database.ScalarAsync<string>($"DELETE FROM member_placements WHERE member_id = '{ids[2]}'; DELETE FROM members WHERE id = '{ids[2]}'");
        Assert.Equal(all.Total.Members - 1, (await Statistics(_office, "groupBy=unit&status=all")).Total.Members);
        await ShouldAgreeWithCountingAsync();
    }
}
