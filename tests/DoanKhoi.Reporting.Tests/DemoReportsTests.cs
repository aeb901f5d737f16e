using System.Net.Http.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Reporting.Tests;

/// <summary>Reporting with the demo data set on: the programme copied to this year, and the reports of the
/// year so far once the organisation has arrived.</summary>
public sealed class DemoReportingApiFactory : ServiceFactory<Program>
{
    public DemoReportingApiFactory() : base(ResourceNames.ReportingDb) => Settings = new()
    {
        ["Reporting:RecountPollMilliseconds"] = "0",
        ["Reporting:Scheduler:Enabled"] = "false",
        ["Demo:Load"] = "true",
        ["Demo:SettleSeconds"] = "5",   // the organisation still for 5 s: on a busy machine a unit can take 2 to be copied
    };
}

public class DemoReportsTests(DemoReportingApiFactory factory) : IClassFixture<DemoReportingApiFactory>
{
    [Fact]
    public async Task The_demo_fills_this_year_s_calendar_with_reports_on_time_late_missing_and_returned_and_none_from_a_school()
    {
        var cluster = Guid.CreateVersion7();
        var school = Guid.CreateVersion7();
        _ = factory.Server;
        await factory.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = cluster, Code = "CUM-1", Name = "Cụm 1", Version = 1 }, OccurredAt = DateTimeOffset.UtcNow });
        // The units arrive together, as an import's would: the demo waits for the organisation to stay still, and
        // units delivered one by one on a busy machine can leave it still for a moment with only some of them.
        await factory.DeliverTogetherAsync([.. Enumerable.Range(0, 12).Select(i => ((object)new UnitCreated
        {
            Unit = new() { UnitId = i == 0 ? school : Guid.CreateVersion7(), Code = $"DV{i:00}", Name = i == 0 ? "Đoàn trường THPT Việt Bắc" : $"Đoàn cơ sở {i}",
                Kind = i == 0 ? UnitKind.School : UnitKind.Agency, ClusterId = cluster, Status = UnitStatus.Open, Version = 1 },
            OccurredAt = DateTimeOffset.UtcNow,
        }, Guid.NewGuid()))]);
        var year = Text.VietnamTime.Today(TimeProvider.System).Year;
        await Eventually.Until(async () => await factory.Database.ScalarAsync<long>("SELECT count(*) FROM reports") > 0, TimeSpan.FromSeconds(90), "the demo reports");

        var calendar = (await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetFromJsonAsync<CalendarView>($"/reports/{year}/calendar", ProblemAssertions.Json))!;

        var states = calendar.Rows.Where(r => r.NodeId != school).SelectMany(r => r.Cells).Select(c => c.State).ToList();
        Assert.Contains(CalendarState.OnTime, states);
        Assert.Contains(CalendarState.Late, states);
        Assert.Contains(CalendarState.Missing, states);
        Assert.Contains(CalendarState.Returned, states);
        Assert.All(calendar.Rows.Single(r => r.NodeId == school).Cells, c => Assert.Equal(CalendarState.Exempt, c.State));
    }
}
