using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>Each post against each of reporting's endpoints, on the unit inside its reach and the one
/// outside, as reporting's copy of the tree has them.</summary>
public class AccessMatrixTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    public async Task InitializeAsync()
    {
        _ = factory.Server; // started: its migrations made the database
        await factory.Database.ResetAsync();
        await _bloc.TellAsync(factory);
        await new BoardWorld(factory).WriteProgrammeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_units_and_clusters_it_reaches_and_no_other(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var reached = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).ToList();

        foreach (var (unit, inside) in new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) })
        {
            var response = await client.GetAsync($"/organisation/units/{unit}");
            Assert.Equal(MatrixBloc.Reaches(who, inside) ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        }
        var units = (await client.GetFromJsonAsync<PagedList<UnitView>>("/organisation/units", ProblemAssertions.Json))?.Items;
        var clusters = await client.GetFromJsonAsync<List<ClusterView>>("/organisation/clusters", ProblemAssertions.Json);
        Assert.Equal(reached.Order(), units!.Select(u => u.Id).Order());
        Assert.Equal(reached.Count, clusters!.Count);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_bloc_s_board_and_the_boards_of_the_clusters_and_units_it_reaches(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        HttpStatusCode Expected(bool inside) => MatrixBloc.Reaches(who, inside) ? HttpStatusCode.OK : HttpStatusCode.NotFound;

        var bloc = await client.GetAsync("/board?year=2023");
        var unitA = await client.GetAsync($"/board?year=2023&unitId={_bloc.UnitA}");
        var unitB = await client.GetAsync($"/board?year=2023&unitId={_bloc.UnitB}");
        var clusterA = await client.GetAsync($"/board?year=2023&clusterId={_bloc.ClusterA}");
        var clusterB = await client.GetAsync($"/board?year=2023&clusterId={_bloc.ClusterB}");
        var units = await client.GetFromJsonAsync<List<BoardRow>>("/board/units?year=2023", ProblemAssertions.Json);
        var clusters = await client.GetFromJsonAsync<List<BoardRow>>("/board/clusters?year=2023", ProblemAssertions.Json);
        // The downloads answer as the boards they are made of.
        var unitAFile = await client.GetAsync($"/board/export?year=2023&unitId={_bloc.UnitA}&format=csv");
        var unitBFile = await client.GetAsync($"/board/export?year=2023&unitId={_bloc.UnitB}&format=csv");
        var unitsFile = await client.GetStringAsync("/board/units/export?year=2023&format=csv");
        var recordsA = await client.GetAsync($"/board/measures/K03.1/records/export?year=2023&unitId={_bloc.UnitA}&format=csv");
        var recordsB = await client.GetAsync($"/board/measures/K03.1/records/export?year=2023&unitId={_bloc.UnitB}&format=csv");
        var missingA = await client.GetAsync($"/board/measures/K04.3/missing/export?year=2023&unitId={_bloc.UnitA}&format=csv");
        var missingB = await client.GetAsync($"/board/measures/K04.3/missing/export?year=2023&unitId={_bloc.UnitB}&format=csv");
        var blocRecords = await client.GetAsync("/board/measures/K03.1/records/export?year=2023&format=csv");
        var clustersFile = await client.GetStringAsync("/board/clusters/export?year=2023&format=csv");

        Assert.Equal(HttpStatusCode.OK, bloc.StatusCode);
        Assert.Equal((Expected(true), Expected(false)), (unitA.StatusCode, unitB.StatusCode));
        Assert.Equal((Expected(true), Expected(false)), (clusterA.StatusCode, clusterB.StatusCode));
        Assert.Equal((Expected(true), Expected(false)), (unitAFile.StatusCode, unitBFile.StatusCode));
        Assert.Equal((Expected(true), Expected(false)), (recordsA.StatusCode, recordsB.StatusCode));
        Assert.Equal((Expected(true), Expected(false)), (missingA.StatusCode, missingB.StatusCode));
        Assert.Equal(MatrixBloc.Reaches(who, false) ? HttpStatusCode.OK : HttpStatusCode.Forbidden, blocRecords.StatusCode);   // the bloc's records: the bloc's posts
        Assert.Equal(units!.Count + 1, unitsFile.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(clusters!.Count + 1, clustersFile.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var reached = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).ToList();
        Assert.Equal(reached.Order(), units!.Select(u => u.NodeId).Order());
        Assert.Equal(reached.Count, clusters!.Count);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_standing_committee_and_the_bloc_office_change_or_copy_the_programme_and_everyone_reads_it(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var current = (await client.GetFromJsonAsync<ProgrammeView>("/programmes/2023", ProblemAssertions.Json))!;

        var change = await client.PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(current.Programme, "Thử quyền"));
        var copy = await client.PostAsJsonAsync("/programmes/2023/copy", new CopyProgrammeRequest(2030, "Thử quyền"));

        var sets = who is Who.BlocOffice or Who.StandingCommittee;
        Assert.Equal((sets ? HttpStatusCode.OK : HttpStatusCode.Forbidden, sets ? HttpStatusCode.Created : HttpStatusCode.Forbidden), (change.StatusCode, copy.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/programmes/2023/revisions")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_reads_the_reports_it_reaches_a_unit_s_secretary_sends_them_and_the_bloc_office_reviews_and_opens_them(Who who)
    {
        var office = factory.CreateClient().As(_bloc.TokenOf(Who.BlocOffice));
        // m02 of 2023 is long locked: the bloc office opens it for unit A, whose secretary sends it.
        (await office.PostAsJsonAsync("/reports/2023/m02/openings", new OpenReportRequest(_bloc.UnitA, null, DateTimeOffset.UtcNow.AddDays(1), "Mở lại để thử quyền")))
            .EnsureSuccessStatusCode();
        var sent = (await (await factory.CreateClient().As(_bloc.TokenOf(Who.SecretaryOfA))
            .PutAsJsonAsync($"/reports/2023/m02?unitId={_bloc.UnitA}", new SubmitReportRequest([], "Báo cáo tháng 2", [], null))).ReadAsync<ReportView>())!;
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        HttpStatusCode Read(bool inside) => MatrixBloc.Reaches(who, inside) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var blocPost = who is Who.BlocOffice or Who.StandingCommittee or Who.InspectionCommittee or Who.ReadOnlySystem;

        var formA = await client.GetAsync($"/reports/2023/m02?unitId={_bloc.UnitA}");
        var formB = await client.GetAsync($"/reports/2023/m02?unitId={_bloc.UnitB}");
        var sendB = await client.PutAsJsonAsync($"/reports/2023/m02?unitId={_bloc.UnitB}", new SubmitReportRequest([], "Báo cáo", [], null));
        var remindersA = await client.GetAsync($"/reports/reminders?unitId={_bloc.UnitA}");
        var contactA = await client.PutAsJsonAsync($"/reports/contacts/{_bloc.UnitA}", new ContactRequest("doan.a@langson.test"));
        var returned = await client.PostAsJsonAsync($"/reports/{sent.Id}/return", new ReturnReportRequest("Bổ sung số liệu"));
        var opened = await client.PostAsJsonAsync("/reports/2023/m04/openings", new OpenReportRequest(_bloc.UnitB, null, DateTimeOffset.UtcNow.AddDays(1), "Thử quyền"));
        var workbook = await client.GetAsync("/reports/2023/annual-workbook");
        var calendar = await client.GetFromJsonAsync<CalendarView>("/reports/2023/calendar", ProblemAssertions.Json);
        var scores = await client.GetFromJsonAsync<List<ScoreRow>>("/scoreboard?year=2023", ProblemAssertions.Json);

        Assert.Equal((Read(true), Read(false)), (formA.StatusCode, formB.StatusCode));
        // Unit B's report is its secretary's to send: whoever sees it is refused (403), whoever does not is told it is not there.
        Assert.Equal(MatrixBloc.Reaches(who, false) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, sendB.StatusCode);
        Assert.Equal(Read(true), remindersA.StatusCode);
        Assert.Equal(who switch
        {
            Who.BlocOffice or Who.SecretaryOfA => HttpStatusCode.OK,
            Who.Member => HttpStatusCode.NotFound,
            _ => HttpStatusCode.Forbidden,
        }, contactA.StatusCode);
        Assert.Equal(who == Who.BlocOffice ? HttpStatusCode.OK : HttpStatusCode.Forbidden, returned.StatusCode);
        Assert.Equal(who == Who.BlocOffice ? HttpStatusCode.Created : HttpStatusCode.Forbidden, opened.StatusCode);
        Assert.Equal(blocPost ? HttpStatusCode.OK : HttpStatusCode.Forbidden, workbook.StatusCode);
        var reached = new[] { (_bloc.UnitA, true), (_bloc.UnitB, false) }.Where(u => MatrixBloc.Reaches(who, u.Item2)).Select(u => u.Item1).ToList();
        Assert.Equal(reached.Order(), calendar!.Rows.Where(r => r.Level == Domain.Reports.SubmitterLevel.Unit).Select(r => r.NodeId).Order());
        Assert.Equal(reached.Order(), scores!.Select(r => r.NodeId).Order());
    }
}
