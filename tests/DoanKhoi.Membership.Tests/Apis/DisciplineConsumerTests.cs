using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Membership.Tests.Apis;

/// <summary>Discipline reaches membership through the inspection service's event, never a call: an
/// expulsion ends the membership with that reason, a removal from post ends the Union post, every measure
/// is on the member's history; a replay, or the decision arriving after its annulment, changes nothing.</summary>
public class DisciplineConsumerTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _office = factory.CreateClient();
    private Guid _unit;

    public async Task InitializeAsync()
    {
        await factory.Database.ResetAsync();
        var cluster = (await (await _office.PostAsJsonAsync("/clusters", new { code = "CUM-A", name = "Cụm A" })).ReadAsync<ClusterResponse>())!.Id;
        _unit = (await (await _office.PostAsJsonAsync("/units", new { code = "UA", name = "Đoàn Sở Y tế", kind = "agency", clusterId = cluster })).ReadAsync<UnitResponse>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<MemberResponse> RegisterAsync(string name)
    {
        var response = await _office.PostAsJsonAsync($"/units/{_unit}/members", new
        {
            fullName = name, dateOfBirth = "1995-05-05", gender = "male", ethnicity = "Tày", joinedUnionOn = "2012-03-26",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<MemberResponse>())!;
    }

    private DisciplineDecided Decided(Guid decision, Guid member, DisciplinaryMeasure measure, int version = 1, bool annulled = false) => new()
    {
        DecisionId = decision, MemberId = member, UnitId = _unit, Measure = measure, DecisionNumber = "05-QĐ/ĐK", DecidedBy = "Ban Thường vụ Đoàn Khối",
        DecidedOn = new DateOnly(2026, 6, 1), EffectiveOn = new DateOnly(2026, 6, 2), Reason = "Vi phạm Điều lệ Đoàn", Annulled = annulled, Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private async Task<(MemberResponse Member, List<MemberHistoryResponse> History)> ReadAsync(Guid member) =>
        ((await _office.GetFromJsonAsync<MemberResponse>($"/members/{member}", ProblemAssertions.Json))!,
         (await _office.GetFromJsonAsync<PagedList<MemberHistoryResponse>>($"/members/{member}/history", ProblemAssertions.Json))!.Items.ToList());

    [Fact]
    public async Task An_expulsion_ends_the_membership_once_however_often_it_is_delivered()
    {
        var member = await RegisterAsync("Lương Văn Hùng");
        var expulsion = Decided(Guid.CreateVersion7(), member.Id, DisciplinaryMeasure.Expulsion);

        await factory.DeliverAsync(expulsion);
        await factory.DeliverAsync(expulsion with { OccurredAt = DateTimeOffset.UtcNow });   // the same decision again, as a new message

        var (after, history) = await ReadAsync(member.Id);
        Assert.Equal(MemberStatus.Left, after.Status);
        Assert.Equal([MemberChange.Registered, MemberChange.Disciplined, MemberChange.Left], history.Select(h => h.Change));
        Assert.Equal(new DateOnly(2026, 6, 2), history[^1].EffectiveOn);
        Assert.StartsWith("Expelled: 05-QĐ/ĐK", history[^1].Detail);
        Assert.True(await factory.PublishedAsync<MemberLeft>(e => e.Member.MemberId == member.Id && e.Reason == "expelled"));
    }

    [Fact]
    public async Task A_removal_from_post_ends_the_Union_post_the_day_before_it_takes_effect_and_a_warning_is_on_the_history_only()
    {
        var member = await RegisterAsync("Hoàng Văn Nam");
        Assert.Equal(HttpStatusCode.OK, (await _office.PutAsJsonAsync($"/members/{member.Id}/posts",
            new { posts = new[] { new { post = "secretary", from = "2024-01-01" } } })).StatusCode);

        await factory.DeliverAsync(Decided(Guid.CreateVersion7(), member.Id, DisciplinaryMeasure.Warning));
        await factory.DeliverAsync(Decided(Guid.CreateVersion7(), member.Id, DisciplinaryMeasure.RemovalFromPost));

        var (after, history) = await ReadAsync(member.Id);
        Assert.Equal(MemberStatus.Active, after.Status);
        Assert.Equal([new PostTermResponse(UnionPost.Secretary, new DateOnly(2024, 1, 1), new DateOnly(2026, 6, 1))], after.Posts);
        Assert.Equal([MemberChange.Disciplined, MemberChange.Disciplined, MemberChange.PostsChanged], history.Skip(2).Select(h => h.Change));
    }

    [Fact]
    public async Task A_decision_that_arrives_after_its_annulment_changes_nothing()
    {
        var member = await RegisterAsync("Vi Văn Minh");
        var decision = Guid.CreateVersion7();

        await factory.DeliverAsync(Decided(decision, member.Id, DisciplinaryMeasure.Expulsion, version: 2, annulled: true));
        await factory.DeliverAsync(Decided(decision, member.Id, DisciplinaryMeasure.Expulsion, version: 1));

        var (after, history) = await ReadAsync(member.Id);
        Assert.Equal(MemberStatus.Active, after.Status);
        Assert.Equal([MemberChange.Registered], history.Select(h => h.Change));
    }
}
