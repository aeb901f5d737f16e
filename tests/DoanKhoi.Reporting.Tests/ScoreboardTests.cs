using System.Net.Http.Json;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>The emulation scoreboard on a programme of two targets a reader can score by hand:
///   T1 (weight 10): each unit plants trees at least once;  T2 (weight 30): the share of members who planted;
///   punctuality (weight 10): no 2023 report arrived, so every unit has 0 of it.
/// Sở Tài chính planted, both members came: 10 + 30 + 0 = 40 of 50 = 80 %.
/// Điện lực planted, one member of two came: 10 + 15 + 0 = 25 of 50 = 50 %. Sở Y tế did nothing: 0 %.</summary>
public class ScoreboardTests(ReportingApiFactory factory) : IClassFixture<ReportingApiFactory>, IAsyncLifetime
{
    private readonly BoardWorld _world = new(factory);

    public async Task InitializeAsync()
    {
        _ = factory.Server;
        await factory.Database.ResetAsync();
        var shipped = ProgrammeStore.Shipped();
        var programme = shipped with
        {
            Targets =
            [
                new TargetDefinition("T1", "Mỗi cơ sở trồng cây", 10,
                    [new MeasureDefinition("T1.1", "Cơ sở có trồng cây", new FactCount(FactSource.Activities, Kinds: ["tree-planting"]), null, Each.Unit, 1, null, new Goal(100, null))]),
                new TargetDefinition("T2", "Đoàn viên trồng cây", 30,
                    [new MeasureDefinition("T2.1", "Đoàn viên trồng cây", new FactCount(FactSource.Attendances, Kinds: ["tree-planting"], PerMember: 1),
                        new FactCount(FactSource.Members), Each.None, null, null, new Goal(100, null))]),
            ],
            Scoreboard = new ScoreboardDefinition(10),
        };
        (await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee)).PutAsJsonAsync("/programmes/2023", new ChangeProgrammeRequest(programme, "Thang điểm thử"))).EnsureSuccessStatusCode();
        await _world.TreeAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Units_are_scored_on_the_programme_s_weights_and_ranked()
    {
        var (lan, mai) = (await _world.MemberAsync(_world.A1, "Nguyễn Thị Lan"), await _world.MemberAsync(_world.A1, "Hoàng Thị Mai"));
        await _world.MemberAsync(_world.A2, "Lý Thị Hoa");
        var (minh, _) = (await _world.MemberAsync(_world.B1, "Vi Văn Minh"), await _world.MemberAsync(_world.B1, "Lương Văn Tuấn"));
        var a1 = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.A1, new(2023, 3, 12));
        await _world.AttendedAsync(a1, lan, _world.A1);
        await _world.AttendedAsync(a1, mai, _world.A1);
        var b1 = await _world.HeldAsync("tree-planting", OrganiserLevel.Unit, _world.B1, new(2023, 3, 19));
        await _world.AttendedAsync(b1, minh, _world.B1);

        var rows = (await factory.CreateClient().As(Post.Bloc(Role.StandingCommittee))
            .GetFromJsonAsync<List<ScoreRow>>("/scoreboard?year=2023&asOf=2023-12-31", ProblemAssertions.Json))!;

        Assert.Equal([(1, "Đoàn Sở Tài chính", 40m, 80m), (2, "Đoàn Điện lực", 25m, 50m), (3, "Đoàn Sở Y tế", 0m, 0m)],
            rows.Select(r => (r.Rank, r.Name, r.Points, r.Percent!.Value)));
        Assert.All(rows, r => Assert.Equal((50m, 0m), (r.Possible, r.PunctualityPoints!.Value)));
        Assert.Equal([10m, 15m], rows[1].Targets.Select(t => t.Points));
        // Each part says which target it is, for an integrator who has not read the programme.
        Assert.Equal([("T1", "Mỗi cơ sở trồng cây"), ("T2", "Đoàn viên trồng cây")], rows[1].Targets.Select(t => (t.Code, t.Name)));
    }

    [Fact]
    public async Task The_scoreboard_the_calendar_and_the_year_s_workbook_download_in_Vietnamese_and_the_workbook_is_the_bloc_s()
    {
        var office = factory.CreateClient().As(Post.Bloc(Role.BlocOffice));

        var scoreboard = await office.GetStringAsync("/scoreboard/export?year=2023&asOf=2023-12-31&format=csv");
        var calendar = await office.GetStringAsync("/reports/2023/calendar/export?format=csv");
        var workbook = await office.GetAsync("/reports/2023/annual-workbook");
        var bySecretary = await factory.CreateClient().As(Post.OnUnit(_world.A1)).GetAsync("/reports/2023/annual-workbook");

        Assert.StartsWith("Hạng,Đơn vị,T1 (10),T2 (30),Đúng hạn báo cáo (10),Trừ do kiểm tra,Điểm,Tối đa,Tỷ lệ (%)", scoreboard.TrimStart('\uFEFF'));
        Assert.Contains("Đoàn Sở Tài chính", calendar);
        Assert.Contains("Chưa nộp", calendar);
        using var file = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Chỉ tiêu", "Theo cụm", "Theo cơ sở", "Báo cáo năm", "Đúng hạn"],
            MiniExcelLibs.MiniExcel.GetSheetNames(file));
        await bySecretary.ShouldBeProblemAsync(System.Net.HttpStatusCode.Forbidden);
    }
}
