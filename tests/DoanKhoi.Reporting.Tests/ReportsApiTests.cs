using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Reporting.Tests;

/// <summary>The service's clock, set by the tests to a moment of 2023; it runs on from there.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private DateTimeOffset? _frozen;

    /// <summary>How far the clock is from the real one (setting it lets the clock run again).</summary>
    public TimeSpan Shift { get; set { field = value; _frozen = null; } }

    public override DateTimeOffset GetUtcNow() => _frozen ?? System.GetUtcNow() + Shift;

    /// <summary>Moves the clock to <paramref name="vietnamTime"/>, read as Vietnam time; it runs on from there.</summary>
    public void Set(DateTime vietnamTime) => Shift = new DateTimeOffset(vietnamTime, TimeSpan.FromHours(7)) - System.GetUtcNow();

    /// <summary>Stops the clock at <paramref name="vietnamTime"/>: a request a second away from a deadline
    /// stays on its side of it however long a busy machine takes to send it.</summary>
    public void Freeze(DateTime vietnamTime) => _frozen = new DateTimeOffset(vietnamTime, TimeSpan.FromHours(7)).ToUniversalTime();
}

/// <summary>Reporting on <see cref="ShiftedClock"/>.</summary>
public sealed class ClockedReportingApiFactory : ServiceFactory<Program>
{
    public ClockedReportingApiFactory() : base(ResourceNames.ReportingDb) =>
        Settings = new() { ["Reporting:RecountPollMilliseconds"] = "0", ["Reporting:Scheduler:Enabled"] = "false" };

    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The reports of the calendar: sent by the unit's secretary with figures prefilled from what DoanKhoi
/// counted, on time until 23:59:59 Vietnam time of the due day and locked after it, opened again by the bloc
/// office for one unit, returned for correction and sent again, every version kept.</summary>
public class ReportsApiTests(ClockedReportingApiFactory factory) : IClassFixture<ClockedReportingApiFactory>, IAsyncLifetime
{
    private readonly Guid _cluster = Guid.CreateVersion7();
    private readonly Guid _a1 = Guid.CreateVersion7();
    private readonly Guid _a2 = Guid.CreateVersion7();
    private readonly Guid _school = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        factory.Clock.Shift = TimeSpan.Zero;
        _ = factory.Server;
        await factory.Database.ResetAsync();
        var office = factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));
        (await office.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(Infrastructure.ProgrammeStore.Shipped(), "Chương trình năm 2023"))).EnsureSuccessStatusCode();
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = _cluster, Code = "CUM-1", Name = "Cụm 1", Version = 1 }, OccurredAt = BoardWorld.Founded });
        foreach (var (unit, name, kind) in new[] { (_a1, "Đoàn Sở Tài chính", UnitKind.Agency), (_a2, "Đoàn Sở Y tế", UnitKind.Agency), (_school, "Đoàn trường THPT Việt Bắc", UnitKind.School) })
            await factory.DeliverAsync(new UnitCreated
            {
                Unit = new() { UnitId = unit, Code = name, Name = name, Kind = kind, ClusterId = _cluster, Status = UnitStatus.Open, Version = 1 },
                OccurredAt = BoardWorld.Founded,
            });
    }

    public Task DisposeAsync()
    {
        factory.Clock.Shift = TimeSpan.Zero;
        return Task.CompletedTask;
    }

    private HttpClient Secretary(Guid unit) => factory.CreateClient().As(Post.OnUnit(unit));
    private HttpClient Office => factory.CreateClient().As(Post.Bloc(Role.BlocOffice));

    private static SubmitReportRequest Content(string narrative = "Tháng 2, đơn vị tổ chức ra quân Tết trồng cây.", params FigureRequest[] figures) =>
        new(figures, narrative, [], null);

    private Task<HttpResponseMessage> SendAsync(Guid unit, string code, SubmitReportRequest? content = null) =>
        Secretary(unit).PutAsJsonAsync($"/reports/2023/{code}?unitId={unit}", content ?? Content());

    private async Task<CalendarView> CalendarAsync() => (await Office.GetFromJsonAsync<CalendarView>("/reports/2023/calendar", ProblemAssertions.Json))!;

    [Fact]
    public async Task A_report_sent_at_23_59_59_of_its_due_day_is_on_time_and_one_at_midnight_is_locked_until_the_bloc_office_opens_it()
    {
        factory.Clock.Freeze(new DateTime(2023, 2, 5, 23, 59, 59));
        var onTime = await SendAsync(_a1, "m02");

        factory.Clock.Freeze(new DateTime(2023, 2, 6, 0, 0, 0));
        var locked = await SendAsync(_a2, "m02");
        var opened = await Office.PostAsJsonAsync("/reports/2023/m02/openings",
            new OpenReportRequest(_a2, null, new DateTimeOffset(2023, 2, 8, 17, 0, 0, TimeSpan.FromHours(7)), "Đơn vị mất điện ngày 05/02"));
        var late = await SendAsync(_a2, "m02");

        Assert.Equal(HttpStatusCode.Created, onTime.StatusCode);
        Assert.True((await onTime.ReadAsync<ReportView>())!.OnTime);
        (await locked.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString()!.Contains("05/02/2023");
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.False((await late.ReadAsync<ReportView>())!.OnTime);
        var calendar = await CalendarAsync();
        CalendarState StateOf(Guid unit) => calendar.Rows.Single(r => r.NodeId == unit).Cells.Single(c => c.Code == "m02").State;
        Assert.Equal((CalendarState.OnTime, CalendarState.Late, CalendarState.Exempt), (StateOf(_a1), StateOf(_a2), StateOf(_school)));
        Assert.Equal(CalendarState.Missing, calendar.Rows.Single(r => r.NodeId == _a1).Cells.Single(c => c.Code == "m01").State);
        Assert.Equal(CalendarState.Pending, calendar.Rows.Single(r => r.NodeId == _a1).Cells.Single(c => c.Code == "q1").State);
        // A1: m01 missing, plan not due, m02 on time: 1 of 2 due on time.
        Assert.Equal((2, 1, 1, 50m), (calendar.Rows.Single(r => r.NodeId == _a1).Punctuality.Due, calendar.Rows.Single(r => r.NodeId == _a1).Punctuality.OnTime,
            calendar.Rows.Single(r => r.NodeId == _a1).Punctuality.Missing, calendar.Rows.Single(r => r.NodeId == _a1).Punctuality.Rate!.Value));
    }

    [Fact]
    public async Task The_form_is_prefilled_with_what_DoanKhoi_counted_for_the_period_and_a_different_figure_needs_a_reason()
    {
        await factory.DeliverAsync(new ActivityHeld
        {
            Activity = BoardWorld.Activity(Guid.CreateVersion7(), "tree-planting", OrganiserLevel.Unit, _a1, new(2023, 1, 20), 2, new() { ["trees-planted"] = 300 }),
            OccurredAt = BoardWorld.Founded,
        });
        await factory.DeliverAsync(new ActivityHeld
        {
            Activity = BoardWorld.Activity(Guid.CreateVersion7(), "tree-planting", OrganiserLevel.Unit, _a1, new(2023, 2, 5), 2, new() { ["trees-planted"] = 40 }),
            OccurredAt = BoardWorld.Founded,
        });
        factory.Clock.Set(new DateTime(2023, 2, 3, 9, 0, 0));

        var form = (await Secretary(_a1).GetFromJsonAsync<ReportForm>($"/reports/2023/m02?unitId={_a1}", ProblemAssertions.Json))!;
        var unexplained = await SendAsync(_a1, "m02", Content(figures: new FigureRequest("trees-planted", 280, null)));
        var explained = await SendAsync(_a1, "m02", Content(figures: new FigureRequest("trees-planted", 280, "20 cây chết, trồng lại tháng 3")));

        // The period of m02 runs from 05/01 to 05/02: the planting of 20/01 counts, the one of 05/02 goes to m04's… March's report.
        Assert.Equal(300, form.Figures.Single(f => f.Code == "trees-planted").Counted);
        Assert.True(form.Open);
        (await unexplained.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("figures[0].reason");
        Assert.Equal(HttpStatusCode.Created, explained.StatusCode);
        var figure = (await explained.ReadAsync<ReportView>())!.Versions.Single().Figures.Single();
        Assert.Equal((280L, 300L, "20 cây chết, trồng lại tháng 3"), (figure.Value, figure.Counted!.Value, figure.Reason!));
    }

    [Fact]
    public async Task A_returned_report_is_sent_again_after_its_deadline_and_every_version_is_kept_until_it_is_accepted()
    {
        factory.Clock.Set(new DateTime(2023, 2, 4, 10, 0, 0));
        var sent = (await (await SendAsync(_a1, "m02")).ReadAsync<ReportView>())!;
        factory.Clock.Set(new DateTime(2023, 2, 10, 10, 0, 0));

        var returned = await Office.PostAsJsonAsync($"/reports/{sent.Id}/return", new ReturnReportRequest("Bổ sung số cây đã trồng"));
        var again = await SendAsync(_a1, "m02", Content("Đã bổ sung: 300 cây xanh."));
        var accepted = await Office.PostAsync($"/reports/{sent.Id}/accept", null);
        var afterAccepted = await SendAsync(_a1, "m02", Content("Sửa lần nữa."));

        Assert.Equal(ReportState.Returned, (await returned.ReadAsync<ReportView>())!.State);
        var resent = (await again.ReadAsync<ReportView>())!;
        Assert.Equal((ReportState.Submitted, true), (resent.State, resent.OnTime));   // on time: its first version was
        Assert.Equal(["Đã bổ sung: 300 cây xanh.", "Tháng 2, đơn vị tổ chức ra quân Tết trồng cây."], resent.Versions.Select(v => v.Narrative));
        Assert.Equal(ReportState.Accepted, (await accepted.ReadAsync<ReportView>())!.State);
        await afterAccepted.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Each_version_keeps_the_bloc_office_s_review_of_it_so_every_comment_the_unit_was_sent_stays_readable()
    {
        factory.Clock.Set(new DateTime(2023, 2, 4, 10, 0, 0));
        var sent = (await (await SendAsync(_a1, "m02")).ReadAsync<ReportView>())!;
        (await Office.PostAsJsonAsync($"/reports/{sent.Id}/return", new ReturnReportRequest("Bổ sung số cây đã trồng"))).EnsureSuccessStatusCode();
        (await SendAsync(_a1, "m02", Content("Đã bổ sung: 300 cây xanh."))).EnsureSuccessStatusCode();
        (await Office.PostAsJsonAsync($"/reports/{sent.Id}/return", new ReturnReportRequest("Thiếu ảnh minh chứng"))).EnsureSuccessStatusCode();
        (await SendAsync(_a1, "m02", Content("Đã bổ sung ảnh."))).EnsureSuccessStatusCode();
        factory.Clock.Set(new DateTime(2023, 2, 11, 9, 0, 0));

        var accepted = (await (await Office.PostAsync($"/reports/{sent.Id}/accept", null)).ReadAsync<ReportView>())!;
        var read = (await Secretary(_a1).GetFromJsonAsync<ReportForm>($"/reports/2023/m02?unitId={_a1}", ProblemAssertions.Json))!.Sent!;

        foreach (var view in new[] { accepted, read })
        {
            var reviews = view.Versions.OrderBy(v => v.Number).Select(v => (v.Review?.Outcome, v.Review?.Comment)).ToList();
            Assert.Equal([(ReportState.Returned, "Bổ sung số cây đã trồng"), (ReportState.Returned, "Thiếu ảnh minh chứng"), (ReportState.Accepted, null)], reviews);
        }
        var acceptedAt = new DateTimeOffset(2023, 2, 11, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.InRange(read.Versions.Single(v => v.Number == 3).Review!.At, acceptedAt, acceptedAt.AddMinutes(1));
    }

    [Fact]
    public async Task A_school_unit_does_not_send_the_bloc_s_reports()
    {
        factory.Clock.Set(new DateTime(2023, 2, 1, 10, 0, 0));

        var response = await SendAsync(_school, "m02");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Documents_go_with_a_report_when_they_are_a_PDF_or_an_Office_file_of_the_same_unit_s_report()
    {
        factory.Clock.Set(new DateTime(2023, 2, 1, 10, 0, 0));
        async Task<HttpResponseMessage> Upload(Guid unit, byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", name);
            return await Secretary(unit).PostAsync($"/reports/2023/m02/attachments?unitId={unit}", form);
        }

        var pdf = await Upload(_a1, "%PDF-1.7\n1 0 obj\n"u8.ToArray(), "bao-cao-thang-2.pdf");
        var photo = await Upload(_a1, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "anh.png");
        var others = (await (await Upload(_a2, "%PDF-1.4\n"u8.ToArray(), "khac.pdf")).ReadAsync<AttachmentView>())!;
        var mine = (await pdf.ReadAsync<AttachmentView>())!;
        var withOthers = await SendAsync(_a1, "m02", new SubmitReportRequest([], "Báo cáo", [mine.Id, others.Id], null));
        var withMine = await SendAsync(_a1, "m02", new SubmitReportRequest([], "Báo cáo", [mine.Id], null));

        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        await photo.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        (await withOthers.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ShouldNameFields("attachmentIds[1]");
        var sent = (await withMine.ReadAsync<ReportView>())!;
        Assert.Equal([mine.Id], sent.Versions.Single().AttachmentIds);
        // The report names its documents, for the office to see what it is about to open.
        Assert.Equal([("bao-cao-thang-2.pdf", 17L)], sent.Attachments.Select(a => (a.FileName, a.Size)));
        Assert.Equal("application/pdf", (await Office.GetAsync($"/reports/attachments/{mine.Id}")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Only_the_unit_s_secretary_sends_its_report_and_only_the_bloc_office_reviews_it()
    {
        factory.Clock.Set(new DateTime(2023, 2, 1, 10, 0, 0));
        var byOther = await Secretary(_a2).PutAsJsonAsync($"/reports/2023/m02?unitId={_a1}", Content());
        var byLead = await factory.CreateClient().As(Post.OnCluster(_cluster)).PutAsJsonAsync($"/reports/2023/m02?unitId={_a1}", Content());
        var sent = (await (await SendAsync(_a1, "m02")).ReadAsync<ReportView>())!;
        var returnedBySecretary = await Secretary(_a1).PostAsJsonAsync($"/reports/{sent.Id}/return", new ReturnReportRequest("Tự trả lại"));

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        await byLead.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await returnedBySecretary.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Figures_the_units_report_count_on_the_board_once_as_the_year_to_date_grows_and_stop_when_returned()
    {
        var committee = factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));
        var current = (await committee.GetFromJsonAsync<ProgrammeView>("/programmes/2023", ProblemAssertions.Json))!;
        var programme = current.Programme with
        {
            Targets = [.. current.Programme.Targets, new Domain.Programme.TargetDefinition("K15", "Thanh niên tham gia hoạt động ngoài DoanKhoi", 0,
                [new Domain.Programme.MeasureDefinition("K15.1", "Lượt thanh niên (đơn vị báo cáo)",
                    new Domain.Programme.FactCount(Domain.Programme.FactSource.Reported, Figure: "youths-reached-outside"), null, Domain.Programme.Each.None, null, null,
                    new Domain.Programme.Goal(500, null))])],
        };
        (await committee.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(programme, "Thêm số liệu báo cáo", current.Version))).EnsureSuccessStatusCode();
        SubmitReportRequest Youths(long value) => new([new FigureRequest("youths-reached-outside", value, null)], "Báo cáo lũy kế.", [], null);

        factory.Clock.Set(new DateTime(2023, 3, 1, 9, 0, 0));
        (await SendAsync(_a1, "q1", Youths(120))).EnsureSuccessStatusCode();
        factory.Clock.Set(new DateTime(2023, 6, 1, 9, 0, 0));
        var h1 = (await (await SendAsync(_a1, "h1", Youths(300))).ReadAsync<ReportView>())!;
        async Task<decimal?> OnAsync(string day) =>
            BoardWorld.Figure((await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee)).GetFromJsonAsync<BoardView>($"/board?year=2023&asOf={day}", ProblemAssertions.Json))!, "K15.1").Value;

        // Q1 (to 05/03) says 120 so far, the six-month report (to 05/06) 300 so far: 300 in all, not 420.
        Assert.Equal((0m, 120m, 300m), (await OnAsync("2023-03-01"), await OnAsync("2023-04-01"), await OnAsync("2023-06-30")));
        (await Office.PostAsJsonAsync($"/reports/{h1.Id}/return", new ReturnReportRequest("Số liệu chưa khớp"))).EnsureSuccessStatusCode();
        Assert.Equal(120m, await OnAsync("2023-06-30"));
    }
}
