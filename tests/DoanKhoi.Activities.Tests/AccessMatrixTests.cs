using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>Each post against each of the activities' endpoints, on an activity of unit A (inside the
/// reach of A's posts), one of unit B (outside) and one of the bloc (open to all).</summary>
public class AccessMatrixTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _memberOfA = Guid.CreateVersion7();
    private Guid _ofA, _ofB, _ofBloc;

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        await factory.DeliverAsync(new MemberRegistered
        {
            Member = new()
            {
                MemberId = _memberOfA, FullName = "Nguyễn Thị Hà", DateOfBirth = new DateOnly(2000, 5, 1), Gender = "female", UnitId = _bloc.UnitA,
                Status = MemberStatus.Active, PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2015, 3, 26), Version = 1,
            },
            EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
        var office = factory.CreateClient();
        async Task<Guid> Plan(object request) =>
            (await (await office.PostAsJsonAsync("/activities", request)).EnsureSuccessStatusCode().ReadAsync<ActivityView>())!.Id;
        _ofA = await Plan(ActivitiesApiTests.Planting(_bloc.UnitA));
        _ofB = await Plan(ActivitiesApiTests.Planting(_bloc.UnitB));
        _ofBloc = await Plan(new { title = "Hội thi Thanh niên với Chuyển đổi số", organiserLevel = "bloc", kind = "digital-outreach", startsOn = "2023-08-15" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_activities_it_reaches_and_the_bloc_s(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));

        var list = (await client.GetFromJsonAsync<PagedList<ActivitySummary>>("/activities", ProblemAssertions.Json))!.Items.Select(a => a.Id).ToHashSet();

        foreach (var (id, inside) in new[] { (_ofA, true), (_ofB, false) })
        {
            var sees = MatrixBloc.Reaches(who, inside);
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/activities/{id}")).StatusCode);
            Assert.Equal(sees, list.Contains(id));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/activities/{_ofBloc}")).StatusCode);
        Assert.Contains(_ofBloc, list);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programme")).StatusCode);
        var calendar = await client.GetFromJsonAsync<CalendarView>("/calendar?year=2023", ProblemAssertions.Json);
        var units = calendar!.Duties.Single(d => d.Code == "yearly-thematic-sessions").Rows.Select(r => r.OrganiserId!.Value).ToHashSet();
        Assert.Equal((MatrixBloc.Reaches(who, true), MatrixBloc.Reaches(who, false)), (units.Contains(_bloc.UnitA), units.Contains(_bloc.UnitB)));
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_bloc_office_and_the_unit_s_secretary_record_the_unit_s_activities(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var keeps = who is Who.BlocOffice or Who.SecretaryOfA;
        var refused = who == Who.Member ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden;

        var plan = await client.PostAsJsonAsync("/activities", ActivitiesApiTests.Planting(_bloc.UnitA));
        var change = await client.PutAsJsonAsync($"/activities/{_ofA}", new { title = "Trồng cây tại xã Mai Pha", kind = "tree-planting", startsOn = "2023-03-12" });
        var outcome = await client.PutAsJsonAsync($"/activities/{_ofA}/outcome", new { quantities = new[] { new { code = "trees-planted", value = 10 } } });
        var cancel = await client.PostAsJsonAsync($"/activities/{_ofA}/cancellation", new { reason = "Trùng lịch" });
        var evidence = await client.PostAsync($"/activities/{_ofA}/evidence", ActivitiesApiTests.FileForm(ActivitiesApiTests.Png, "anh.png"));

        Assert.Equal(keeps ? HttpStatusCode.Created : refused, evidence.StatusCode);
        Assert.Equal(keeps ? HttpStatusCode.Created : HttpStatusCode.Forbidden, plan.StatusCode);
        Assert.Equal(keeps ? HttpStatusCode.OK : refused, change.StatusCode);
        Assert.Equal(keeps ? HttpStatusCode.OK : refused, outcome.StatusCode);
        // Held activities are corrected, not cancelled: the keeper's cancellation meets that rule.
        Assert.Equal(keeps ? HttpStatusCode.UnprocessableEntity : refused, cancel.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_bloc_office_records_the_bloc_s_activities(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));

        var plan = await client.PostAsJsonAsync("/activities", new { title = "Phiên tòa giả định", organiserLevel = "bloc", kind = "mock-trial", startsOn = "2023-05-10" });
        var cancel = await client.PostAsJsonAsync($"/activities/{_ofBloc}/cancellation", new { reason = "Hoãn" });

        var office = who == Who.BlocOffice;
        Assert.Equal((office ? HttpStatusCode.Created : HttpStatusCode.Forbidden, office ? HttpStatusCode.OK : HttpStatusCode.Forbidden), (plan.StatusCode, cancel.StatusCode));
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_on_the_participation_of_unit_A_s_activity(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var sees = MatrixBloc.Reaches(who, unitA: true);
        var keeps = who is Who.BlocOffice or Who.SecretaryOfA;
        var unseen = sees ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;

        var register = await client.PostAsJsonAsync($"/activities/{_ofA}/participants", new { memberIds = new[] { _memberOfA } });
        var list = await client.GetAsync($"/activities/{_ofA}/participants");
        var sheet = await client.PutAsJsonAsync($"/activities/{_ofA}/attendance", new { everyoneElse = "attended" });
        var checkIn = await client.PutAsJsonAsync($"/activities/{_ofA}/check-in", new { open = false });
        var selfCheckIn = await client.PostAsJsonAsync($"/activities/{_ofA}/check-ins", new { code = "x" });
        var withdraw = await client.DeleteAsync($"/activities/{_ofA}/participants/{_memberOfA}");
        var memberActivities = await client.GetAsync($"/members/{_memberOfA}/participations");

        var writes = who != Who.ReadOnlySystem;
        // Registering is for the unit's own secretary or the organiser; the sheet and the QR code for the organiser.
        Assert.Equal(keeps ? HttpStatusCode.OK : writes ? unseen : HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(sees ? HttpStatusCode.OK : who == Who.Member ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(keeps ? HttpStatusCode.OK : writes ? unseen : HttpStatusCode.Forbidden, sheet.StatusCode);
        Assert.Equal(keeps ? HttpStatusCode.OK : writes ? unseen : HttpStatusCode.Forbidden, checkIn.StatusCode);
        // Only a member checks in, and only on an activity they see.
        Assert.Equal(who == Who.Member ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, selfCheckIn.StatusCode);
        // The keeper's sheet marked the registration attended: it is no longer withdrawn. The others registered nobody.
        Assert.Equal(keeps ? HttpStatusCode.UnprocessableEntity : writes ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, memberActivities.StatusCode);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_on_unit_A_s_creative_ideas(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var idea = (await (await factory.CreateClient().PostAsJsonAsync("/ideas", new
        {
            unitId = _bloc.UnitA, title = "Số hóa hồ sơ", field = "union-work", link = "https://ytuongsangtao.net/y-tuong/1", authorIds = new[] { _memberOfA },
        })).EnsureSuccessStatusCode().ReadAsync<IdeaView>())!.Id;
        var sees = MatrixBloc.Reaches(who, unitA: true);
        var writes = who != Who.ReadOnlySystem;
        var office = who == Who.BlocOffice;

        var submit = await client.PostAsJsonAsync("/ideas", new
        {
            unitId = _bloc.UnitA, title = "Ý tưởng khác", field = "labour", link = "https://ytuongsangtao.net/y-tuong/2", authorIds = new[] { _memberOfA },
        });
        var read = await client.GetAsync($"/ideas/{idea}");
        var review = await client.PostAsJsonAsync($"/ideas/{idea}/review", new { decision = "accept" });
        var applied = await client.PostAsync($"/ideas/{idea}/applied", null);
        var quotas = await client.GetAsync("/ideas/quotas");
        var setQuotas = await client.PutAsJsonAsync("/ideas/quotas", new { year = 2026, quotas = new[] { new { unitId = _bloc.UnitA, count = 5 } } });

        Assert.Equal(office || who == Who.SecretaryOfA ? HttpStatusCode.Created : HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(office ? HttpStatusCode.OK : !writes ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, review.StatusCode);
        // Applied once accepted: the bloc office's review came first; the secretary's idea was not yet accepted.
        Assert.Equal(office ? HttpStatusCode.OK : who == Who.SecretaryOfA ? HttpStatusCode.UnprocessableEntity
            : !writes ? HttpStatusCode.Forbidden : sees ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, applied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, quotas.StatusCode);
        Assert.Equal(office ? HttpStatusCode.OK : HttpStatusCode.Forbidden, setQuotas.StatusCode);
    }
}
