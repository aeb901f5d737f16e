using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Creative ideas: submitted by a unit with their ytuongsangtao.net page, reviewed by the bloc
/// office with padding shown, counted against each unit's quota.</summary>
public class IdeasApiTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _ha = Guid.CreateVersion7(), _ofB = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        await MembersAsync(factory, (_ha, "Nguyễn Thị Hà", _bloc.UnitA), (_ofB, "Đặng Thu Trang", _bloc.UnitB));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static async Task MembersAsync(ServiceFactory<Program> factory, params (Guid Id, string Name, Guid Unit)[] members)
    {
        foreach (var (id, name, unit) in members)
            await factory.DeliverAsync(new MemberRegistered
            {
                Member = new()
                {
                    MemberId = id, FullName = name, DateOfBirth = new DateOnly(2000, 5, 1), Gender = "female", UnitId = unit, Status = MemberStatus.Active,
                    PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2015, 3, 26), Version = 1,
                },
                EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
            });
    }

    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));

    private object Idea(string title, string link, Guid? author = null) => new
    {
        unitId = _bloc.UnitA, title, summary = "Số hóa hồ sơ đoàn viên bằng biểu mẫu trực tuyến", field = "union-work", link, authorIds = new[] { author ?? _ha },
    };

    private async Task<IdeaView> SubmitAsync(string title, string link)
    {
        var response = await SecretaryOfA.PostAsJsonAsync("/ideas", Idea(title, link));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<IdeaView>())!;
    }

    [Fact]
    public async Task A_unit_submits_an_idea_with_its_page_and_it_is_published_as_submitted()
    {
        var idea = await SubmitAsync("Số hóa hồ sơ đoàn viên", "https://ytuongsangtao.net/y-tuong/12345");

        Assert.Equal((IdeaStatus.Submitted, "Đoàn A", "Nguyễn Thị Hà"), (idea.Status, idea.UnitName, idea.Authors.Single().FullName));
        Assert.True(await factory.PublishedAsync<IdeaChanged>(e => e.Idea.IdeaId == idea.Id && e.Idea.Status == IdeaStatus.Submitted && e.Idea.UnitId == _bloc.UnitA));
    }

    [Theory]
    [InlineData("https://example.com/y-tuong/1")]
    [InlineData("https://ytuongsangtao.net.example.com/y-tuong/1")]
    [InlineData("ytuongsangtao.net/y-tuong/1")]
    [InlineData("ftp://ytuongsangtao.net/y-tuong/1")]
    public async Task A_link_that_is_not_a_page_on_ytuongsangtao_net_is_a_400_on_the_link(string link) =>
        (await (await SecretaryOfA.PostAsJsonAsync("/ideas", Idea("Ý tưởng", link))).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("link");

    [Fact]
    public async Task The_same_title_ignoring_diacritics_case_and_spacing_or_the_same_link_is_shown_as_a_possible_duplicate()
    {
        var first = await SubmitAsync("Số hóa hồ sơ đoàn viên", "https://ytuongsangtao.net/y-tuong/100");
        var padded = await SubmitAsync("so hoa  HOSO doanvien", "https://ytuongsangtao.net/y-tuong/200");
        var relinked = await SubmitAsync("Một tên khác hẳn", "https://www.ytuongsangtao.net/y-tuong/100/");
        var distinct = await SubmitAsync("Ứng dụng AI trong văn thư", "https://ytuongsangtao.net/y-tuong/300");

        Assert.Equal([first.Id], padded.PossibleDuplicates.Select(d => d.Id));
        Assert.Equal([first.Id], relinked.PossibleDuplicates.Select(d => d.Id));
        Assert.Empty(distinct.PossibleDuplicates);
        var queue = await factory.CreateClient().GetFromJsonAsync<PagedList<IdeaSummary>>("/ideas?status=submitted&duplicatesOnly=true", ProblemAssertions.Json);
        Assert.Equal([(first.Id, 2), (padded.Id, 1), (relinked.Id, 1)], queue!.Items.Select(i => (i.Id, i.PossibleDuplicates)));
    }

    [Fact]
    public async Task The_bloc_office_accepts_or_rejects_with_a_reason_and_only_accepted_ideas_count_against_the_quota()
    {
        var accepted = await SubmitAsync("Số hóa hồ sơ đoàn viên", "https://ytuongsangtao.net/y-tuong/1");
        var rejected = await SubmitAsync("Ứng dụng AI trong văn thư", "https://ytuongsangtao.net/y-tuong/2");
        var office = factory.CreateClient();
        var year = DateTime.UtcNow.AddHours(7).Year;
        (await office.PutAsJsonAsync("/ideas/quotas", new { year, quotas = new[] { new { unitId = _bloc.UnitA, count = 3 } } })).EnsureSuccessStatusCode();

        var byTheSecretary = await SecretaryOfA.PostAsJsonAsync($"/ideas/{accepted.Id}/review", new { decision = "accept" });
        var withoutReason = await office.PostAsJsonAsync($"/ideas/{rejected.Id}/review", new { decision = "reject" });
        (await office.PostAsJsonAsync($"/ideas/{accepted.Id}/review", new { decision = "accept" })).EnsureSuccessStatusCode();
        (await office.PostAsJsonAsync($"/ideas/{rejected.Id}/review", new { decision = "reject", reason = "Trùng với ý tưởng năm 2022" })).EnsureSuccessStatusCode();
        var appliedRejected = await SecretaryOfA.PostAsync($"/ideas/{rejected.Id}/applied", null);
        var applied = await SecretaryOfA.PostAsync($"/ideas/{accepted.Id}/applied", null);

        await byTheSecretary.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await withoutReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("reason");
        await appliedRejected.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(IdeaStatus.Applied, (await applied.ReadAsync<IdeaView>())!.Status);
        var quotas = await SecretaryOfA.GetFromJsonAsync<List<QuotaView>>("/ideas/quotas", ProblemAssertions.Json);
        Assert.Equal([(_bloc.UnitA, 3, 2, 1)], quotas!.Select(q => (q.UnitId, q.Quota, q.Submitted, q.Accepted)));
        Assert.True(await factory.PublishedAsync<IdeaChanged>(e => e.Idea.IdeaId == rejected.Id && e.Idea.Status == IdeaStatus.Rejected && e.Idea.Version == 2));
    }

    [Fact]
    public async Task An_author_from_another_unit_is_refused_on_their_position_and_another_unit_s_idea_is_not_seen()
    {
        var foreign = await SecretaryOfA.PostAsJsonAsync("/ideas", Idea("Ý tưởng", "https://ytuongsangtao.net/y-tuong/9", _ofB));
        var theirs = await factory.CreateClient().PostAsJsonAsync("/ideas", new
        {
            unitId = _bloc.UnitB, title = "Ý tưởng của Đoàn B", field = "labour", link = "https://ytuongsangtao.net/y-tuong/10", authorIds = new[] { _ofB },
        });
        var id = (await theirs.ReadAsync<IdeaView>())!.Id;

        (await foreign.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).ShouldNameFields("authorIds[0]");
        await (await SecretaryOfA.GetAsync($"/ideas/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().As(Post.OfMember(_ofB)).GetAsync($"/ideas/{id}")).StatusCode);
    }
}
