using System.Net.Http.Json;
using System.Net;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Extensions;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using DoanKhoi.Text;

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
        Assert.True(await factory.PublishedAsync<ClusterRenamed>(e => e.Cluster.ClusterId == cluster.Id && e.PreviousName == "Cụm thi đua số 1"));
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

        // The members' events too (about 3,500): the outbox publishes them in the background.
        await Eventually.Until(async () => await demo.Factory.Database.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL") == 0,
            TimeSpan.FromMinutes(3), "every demo event published");
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
    public async Task The_demo_units_have_about_3000_plausible_members_with_valid_CCCDs_some_in_transfer_and_some_turning_30_soon()
    {
        var db = demo.Factory.Database;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, VietnamTime.Zone).DateTime);

        Assert.Equal(DemoMembers.Total, await db.ScalarAsync<long>("SELECT count(*) FROM members"));
        Assert.Equal(43, await db.ScalarAsync<long>("SELECT count(DISTINCT unit_id) FROM members"));
        var people = await db.ColumnAsync<string>(
            "SELECT citizen_id || '|' || to_char(date_of_birth, 'YYYY-MM-DD') || '|' || gender || '|' || full_name FROM members WHERE citizen_id IS NOT NULL");
        Assert.True(people.Count > 2900, $"{people.Count} members with a CCCD");
        Assert.All(people, row =>
        {
            var (cccd, born, gender) = (row.Split('|')[0], DateOnly.Parse(row.Split('|')[1]), Enum.Parse<Gender>(row.Split('|')[2]));
            var errors = new FieldErrors();
            CitizenId.From(cccd).CheckAgainst(born, gender, errors);
            Assert.False(errors.Any, $"{row}: the CCCD contradicts the date of birth or the gender");
            PersonName.From(row.Split('|')[3]);
        });
        Assert.Contains(people, p => p.StartsWith("020", StringComparison.Ordinal));

        // Tày, Nùng and Kinh mostly; a few of the other peoples of Lạng Sơn.
        var ethnicities = await db.ColumnAsync<string>("SELECT ethnicity_code FROM members");
        Assert.True(ethnicities.Count(e => e is "02" or "07" or "01") > 2600);
        Assert.Contains("09", ethnicities);
        Assert.Contains("08", ethnicities);

        var inTransfer = await db.ScalarAsync<long>("SELECT count(*) FROM members WHERE status = 'InTransfer'");
        Assert.InRange(inTransfer, 10, 100);
        Assert.Equal(inTransfer, await db.ScalarAsync<long>("SELECT count(*) FROM transfers WHERE status = 'Pending'"));
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM transfers WHERE status = 'Accepted'") > 5);

        var turning30Soon = await db.ScalarAsync<long>(
            $"SELECT count(*) FROM members WHERE status IN ('Active', 'InTransfer') AND date_of_birth + interval '30 years' > '{today:yyyy-MM-dd}' AND date_of_birth + interval '30 years' <= '{today.AddMonths(6):yyyy-MM-dd}'");
        Assert.True(turning30Soon >= 20, $"{turning30Soon} members turn 30 within 6 months");
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM members WHERE status = 'Matured'") > 10);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM members WHERE status = 'Left'") > 10);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM members WHERE party_status = 'PartyMember'") > 100);
        Assert.True(await db.ScalarAsync<long>("SELECT count(*) FROM members WHERE party_status = 'Recommended'") > 10);
        Assert.Equal(43, await db.ScalarAsync<long>("SELECT count(DISTINCT m.unit_id) FROM member_posts p JOIN members m ON m.id = p.member_id WHERE p.post = 'Secretary'"));
        var ages = await db.ColumnAsync<int>($"SELECT date_part('year', age('{today:yyyy-MM-dd}', date_of_birth))::int FROM members WHERE status = 'Active'");
        Assert.True(ages.Count(a => a is >= 18 and <= 30) > ages.Count * 0.95);
    }

    [Fact]
    public async Task The_demo_evaluation_of_2022_is_closed_with_every_unit_and_most_members_graded()
    {
        var standing = demo.Factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));

        var year = (await standing.GetFromJsonAsync<EvaluationYearResponse>("/evaluations/2022", ProblemAssertions.Json))!;

        Assert.True(year.Closed);
        Assert.All(year.Units, u => Assert.NotNull(u.Grade));
        var members = year.MemberGrades.Excellent + year.MemberGrades.Good + year.MemberGrades.Pass + year.MemberGrades.Fail;
        Assert.InRange(members, 2000, 3000);
        Assert.True(year.MemberGrades.Fail < members / 10, $"{year.MemberGrades}");
    }

    [Fact]
    public async Task The_demo_member_is_in_the_demo_secretarys_unit_and_reads_their_own_record()
    {
        var member = demo.Factory.CreateClient().As(Post.OfMember(DemoIds.DemoMember));
        var secretary = demo.Factory.CreateClient().As(Post.OnUnit(DemoIds.Of(DemoIds.FirstUnitCode)));

        var own = await member.GetFromJsonAsync<MemberResponse>($"/members/{DemoIds.DemoMember}", ProblemAssertions.Json);
        var listed = await secretary.GetFromJsonAsync<PagedList<MemberListItem>>("/members?q=hoang thi thu trang", ProblemAssertions.Json);

        Assert.Equal((DemoMembers.DemoMemberName, DemoIds.Of(DemoIds.FirstUnitCode)), (own!.FullName, own.UnitId));
        Assert.Contains(listed!.Items, m => m.Id == DemoIds.DemoMember);
        Assert.True(listed.Total < 50, "the secretary sees their own unit only");
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
