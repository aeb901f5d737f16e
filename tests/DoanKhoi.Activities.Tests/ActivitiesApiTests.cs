using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Activities.Apis;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Activities.Tests;

/// <summary>A unit's year of activities recorded through the API, on real PostgreSQL: planned, held with
/// what happened, refused with reasons a secretary can act on.</summary>
public class ActivitiesApiTests(ActivitiesApiFactory factory) : IClassFixture<ActivitiesApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));

    internal static object Planting(Guid unit, string on = "2023-03-12", string title = "Ra quân Tết trồng cây") => new
    {
        title, organiserLevel = "unit", organiserId = unit, kind = "tree-planting", startsOn = on, place = "Xã Mai Pha, TP Lạng Sơn",
    };

    private async Task<ActivityView> PlanAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync("/activities", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<ActivityView>())!;
    }

    [Fact]
    public async Task A_secretary_plans_the_unit_s_activity_then_records_what_happened_and_both_are_published()
    {
        var planned = await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA));

        var held = await SecretaryOfA.PutAsJsonAsync($"/activities/{planned.Id}/outcome", new
        {
            quantities = new[] { new { code = "trees-planted", value = 450 }, new { code = "youths-reached", value = 30 } },
            evidence = new[] { "https://doankhoi.langson.gov.vn/tin/tet-trong-cay-2023" },
        });

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var view = (await held.ReadAsync<ActivityView>())!;
        Assert.Equal((ActivityStatus.Held, "Đoàn A", 2), (view.Status, view.OrganiserName, view.Version));
        Assert.Equal([new QuantityValue("trees-planted", 450), new QuantityValue("youths-reached", 30)], view.Quantities);
        Assert.True(await factory.PublishedAsync<ActivityPlanned>(e => e.Activity.ActivityId == planned.Id && e.Activity.OrganiserId == _bloc.UnitA));
        Assert.True(await factory.PublishedAsync<ActivityHeld>(e => e.Activity.ActivityId == planned.Id && e.Activity.Version == 2
            && e.Activity.Quantities["trees-planted"] == 450 && e.Activity.Kind == "tree-planting" && e.Activity.StartsOn == new DateOnly(2023, 3, 12)));
    }

    [Fact]
    public async Task A_negative_quantity_or_one_the_kind_does_not_record_is_a_400_naming_the_field_and_nothing_is_recorded()
    {
        var planned = await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA));

        var negative = await SecretaryOfA.PutAsJsonAsync($"/activities/{planned.Id}/outcome", new { quantities = new[] { new { code = "trees-planted", value = -1 } } });
        var foreign = await SecretaryOfA.PutAsJsonAsync($"/activities/{planned.Id}/outcome", new { quantities = new[] { new { code = "blood-units", value = 12 } } });

        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("quantities.trees-planted");
        var problem = await foreign.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ShouldNameFields("quantities.blood-units");
        Assert.Contains("trees-planted", problem.FieldErrors("quantities.blood-units")[0]);
        var stored = await SecretaryOfA.GetFromJsonAsync<ActivityView>($"/activities/{planned.Id}", ProblemAssertions.Json);
        Assert.Equal((ActivityStatus.Planned, 1), (stored!.Status, stored.Version));
    }

    [Fact]
    public async Task Holding_before_the_first_day_or_after_a_cancellation_is_a_422_said_in_Vietnamese()
    {
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(40)).ToString("yyyy-MM-dd");
        var later = await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA, future));
        var cancelled = await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA));
        (await SecretaryOfA.PostAsJsonAsync($"/activities/{cancelled.Id}/cancellation", new { reason = "Mưa bão" })).EnsureSuccessStatusCode();
        var vietnamese = SecretaryOfA;
        vietnamese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        var early = await (await vietnamese.PutAsJsonAsync($"/activities/{later.Id}/outcome", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        var gone = await (await vietnamese.PutAsJsonAsync($"/activities/{cancelled.Id}/outcome", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.StartsWith("Hoạt động bắt đầu ngày", early.GetProperty("detail").GetString());
        Assert.Equal("Hoạt động đã bị hủy: không thay đổi được nữa.", gone.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_secretary_cannot_record_another_unit_s_activity_nor_see_it()
    {
        var theirs = await PlanAsync(factory.CreateClient(), Planting(_bloc.UnitB));

        var planned = await SecretaryOfA.PostAsJsonAsync("/activities", Planting(_bloc.UnitB));
        var read = await SecretaryOfA.GetAsync($"/activities/{theirs.Id}");

        await planned.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await read.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_unit_the_organisation_does_not_have_is_refused_and_bad_fields_are_named_together()
    {
        var unknown = Guid.CreateVersion7();

        var missing = await factory.CreateClient().PostAsJsonAsync("/activities", Planting(unknown));
        var bad = await SecretaryOfA.PostAsJsonAsync("/activities", new
        {
            title = "", organiserLevel = "unit", organiserId = _bloc.UnitA, kind = "tree-planting", movement = "no-such",
            startsOn = "2023-05-02", endsOn = "2023-05-01", evidence = new[] { "javascript:alert(1)" },
        });

        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(unknown.ToString(), problem.GetProperty("detail").GetString());
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("title", "endsOn", "movement", "evidence[0]");
    }

    [Fact]
    public async Task The_list_finds_activities_by_period_kind_and_words_without_diacritics()
    {
        await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA, "2023-02-12", "Ra quân Tết trồng cây"));
        await PlanAsync(SecretaryOfA, new { title = "Hiến máu tình nguyện đợt 1", organiserLevel = "unit", organiserId = _bloc.UnitA, kind = "blood-donation", startsOn = "2023-04-08" });
        await PlanAsync(factory.CreateClient(), new { title = "Phiên tòa giả định tại trường THPT Việt Bắc", organiserLevel = "bloc", kind = "mock-trial", startsOn = "2023-05-10" });

        async Task<string[]> Titles(string query) =>
            (await SecretaryOfA.GetFromJsonAsync<PagedList<ActivitySummary>>("/activities" + query, ProblemAssertions.Json))!.Items.Select(a => a.Title).ToArray();

        Assert.Equal(["Ra quân Tết trồng cây", "Hiến máu tình nguyện đợt 1", "Phiên tòa giả định tại trường THPT Việt Bắc"], await Titles(""));
        Assert.Equal(["Hiến máu tình nguyện đợt 1"], await Titles("?q=hien%20mau"));
        Assert.Equal(["Phiên tòa giả định tại trường THPT Việt Bắc"], await Titles("?kind=mock-trial"));
        Assert.Equal(["Hiến máu tình nguyện đợt 1", "Phiên tòa giả định tại trường THPT Việt Bắc"], await Titles("?from=2023-04-01&to=2023-05-31"));
        (await (await SecretaryOfA.GetAsync("/activities?from=2023-05-01&to=2023-04-01")).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("to");
    }

    [Fact]
    public async Task A_cluster_lead_records_the_cluster_s_activity_with_co_organising_units_who_then_see_it()
    {
        var lead = factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA));
        var request = new
        {
            title = "Công trình thanh niên hướng về biên giới", organiserLevel = "cluster", organiserId = _bloc.ClusterA, kind = "youth-project",
            startsOn = "2023-03-20", endsOn = "2023-03-26", coOrganiserIds = new[] { _bloc.UnitB },
        };

        var planned = await PlanAsync(lead, request);
        var secretaryOfB = factory.CreateClient().As(Post.OnUnit(_bloc.UnitB));

        Assert.Equal("Cụm A", planned.OrganiserName);
        Assert.Equal(HttpStatusCode.OK, (await secretaryOfB.GetAsync($"/activities/{planned.Id}")).StatusCode);
        await (await secretaryOfB.PutAsJsonAsync($"/activities/{planned.Id}/outcome", new { flags = new[] { "border-area" } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var held = await lead.PutAsJsonAsync($"/activities/{planned.Id}/outcome", new { flags = new[] { "border-area" } });
        Assert.Equal(["border-area"], (await held.ReadAsync<ActivityView>())!.Flags);
    }

    [Fact]
    public async Task The_calendar_shows_the_unit_s_duties_met_by_what_it_held()
    {
        foreach (var on in new[] { "2023-04-20", "2023-10-10" })
        {
            var session = await PlanAsync(SecretaryOfA, new { title = "Sinh hoạt chuyên đề", organiserLevel = "unit", organiserId = _bloc.UnitA, kind = "thematic-session", startsOn = on });
            (await SecretaryOfA.PutAsJsonAsync($"/activities/{session.Id}/outcome", new { })).EnsureSuccessStatusCode();
        }

        var calendar = await SecretaryOfA.GetFromJsonAsync<CalendarView>("/calendar?year=2023", ProblemAssertions.Json);

        var sessions = calendar!.Duties.Single(d => d.Code == "yearly-thematic-sessions").Rows.Single();
        Assert.Equal((_bloc.UnitA, 2, 2, DoanKhoi.Activities.Domain.Programme.DutyState.Met), (sessions.OrganiserId!.Value, sessions.Held, sessions.Required, sessions.State));
        Assert.Equal(["Cụm A"], calendar.Duties.Single(d => d.Code == "cluster-quarterly-activity").Rows.Select(r => r.OrganiserName).Distinct());
        Assert.Equal(15, calendar.BigActivities.Count);
    }

    internal static MultipartFormDataContent FileForm(byte[] content, string name) => new() { { new ByteArrayContent(content), "file", name } };

    internal static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_photo_is_kept_with_the_activity_and_a_file_that_is_not_one_is_a_415()
    {
        var planned = await PlanAsync(SecretaryOfA, Planting(_bloc.UnitA));

        var uploaded = await SecretaryOfA.PostAsync($"/activities/{planned.Id}/evidence", FileForm(Png, "anh-ra-quan.png"));
        var text = await SecretaryOfA.PostAsync($"/activities/{planned.Id}/evidence", FileForm("<script>alert(1)</script>"u8.ToArray(), "anh.png"));
        var byLead = await factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA)).PostAsync($"/activities/{planned.Id}/evidence", FileForm(Png, "x.png"));
        var tooLarge = await SecretaryOfA.PostAsync($"/activities/{planned.Id}/evidence", FileForm([.. Png, .. new byte[10 * 1024 * 1024]], "lon.png"));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        await text.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await byLead.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var view = await SecretaryOfA.GetFromJsonAsync<ActivityView>($"/activities/{planned.Id}", ProblemAssertions.Json);
        var file = Assert.Single(view!.Files);
        Assert.Equal(("anh-ra-quan.png", "image/png", 16L), (file.FileName, file.ContentType, file.Size));
        var download = await factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA)).GetAsync($"/activities/{planned.Id}/evidence/{file.Id}");
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        await (await factory.CreateClient().As(Post.OnUnit(_bloc.UnitB)).GetAsync($"/activities/{planned.Id}/evidence/{file.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
