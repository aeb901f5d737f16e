using System.Net.Http.Json;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Contracts.Reporting;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Reporting.Tests;

/// <summary>One replica of reporting with its scheduler on (Quartz, clustered in the database), every second,
/// e-mailing to <paramref name="smtpPort"/>; a second replica shares the first one's database.</summary>
public sealed class SchedulerReplica : ServiceFactory<Program>
{
    public SchedulerReplica(ShiftedClock clock, int smtpPort, string? database = null) : base(ResourceNames.ReportingDb)
    {
        Clock = clock;
        Settings = new()
        {
            ["Reporting:RecountPollMilliseconds"] = "0",
            ["Reporting:Scheduler:Enabled"] = "true",
            ["Reporting:Scheduler:IntervalSeconds"] = "1",
            ["Reporting:Scheduler:CheckinSeconds"] = "2",
            ["Reporting:Scheduler:IdleWaitMilliseconds"] = "1000",
            ["Reporting:Smtp:Host"] = "127.0.0.1",
            ["Reporting:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Reporting:Smtp:From"] = "vanphong@doankhoi.test",
        };
        if (database is not null) Settings[$"ConnectionStrings:{ResourceNames.ReportingDb}"] = database;
    }

    public ShiftedClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Deadlines and reminders run on a schedule, once across two replicas: the units that have not sent a
/// report are reminded before its due day, on it and after it, in the portal and by e-mail (to a real SMTP
/// listener); a unit that sent it is not; each deadline is closed once.</summary>
public sealed class ReportSchedulingTests : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private readonly SmtpListener _smtp = new();
    private SchedulerReplica _first = null!;
    private SchedulerReplica _second = null!;
    private readonly Guid _cluster = Guid.CreateVersion7();
    private readonly Guid _sent = Guid.CreateVersion7();
    private readonly Guid _late = Guid.CreateVersion7();

    public async Task InitializeAsync()
    {
        // Before anything is due: the replicas run, and find nothing to do.
        _clock.Set(new DateTime(2022, 12, 1, 9, 0, 0));
        _first = new SchedulerReplica(_clock, _smtp.Port);
        await _first.InitializeAsync();
        _ = _first.Server;
        _second = new SchedulerReplica(_clock, _smtp.Port, _first.Database.ConnectionString);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await ((IAsyncLifetime)_first).DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_unit_that_has_not_sent_a_report_is_reminded_once_before_on_and_after_its_due_day_with_two_replicas_running()
    {
        await _first.DeliverAsync(new ClusterCreated { Cluster = new() { ClusterId = _cluster, Code = "CUM-1", Name = "Cụm 1", Version = 1 }, OccurredAt = BoardWorld.Founded });
        foreach (var (unit, name) in new[] { (_sent, "Đoàn Sở Tài chính"), (_late, "Đoàn Sở Y tế") })
            await _first.DeliverAsync(new UnitCreated
            {
                Unit = new() { UnitId = unit, Code = name, Name = name, Kind = UnitKind.Agency, ClusterId = _cluster, Status = UnitStatus.Open, Version = 1 },
                OccurredAt = BoardWorld.Founded,
            });
        var office = _first.CreateClient().As(Post.Bloc(Role.BlocOffice));
        (await office.PutAsJsonAsync($"/reports/contacts/{_sent}", new ContactRequest("doan.sotaichinh@langson.test"))).EnsureSuccessStatusCode();
        (await _first.CreateClient().As(Post.OnUnit(_late)).PutAsJsonAsync($"/reports/contacts/{_late}", new ContactRequest("doan.soyte@langson.test"))).EnsureSuccessStatusCode();
        (await _first.CreateClient().As(Post.OnUnit(_sent)).PutAsJsonAsync($"/reports/2023/m02?unitId={_sent}",
            new SubmitReportRequest([], "Báo cáo tháng 2 gửi sớm.", [], null))).EnsureSuccessStatusCode();

        _clock.Set(new DateTime(2023, 2, 3, 9, 0, 0));      // two days before m02 is due
        await Eventually.Until(() => Task.FromResult(_smtp.Messages.Count >= 1), TimeSpan.FromSeconds(60), "the first reminder e-mailed");
        _clock.Set(new DateTime(2023, 2, 5, 9, 0, 0));      // the due day
        await Eventually.Until(() => Task.FromResult(_smtp.Messages.Count >= 2), TimeSpan.FromSeconds(60), "the due-day reminder e-mailed");
        _clock.Set(new DateTime(2023, 2, 6, 9, 0, 0));      // the day after
        await Eventually.Until(() => Task.FromResult(_smtp.Messages.Count >= 3), TimeSpan.FromSeconds(60), "the missing-report reminder e-mailed");
        await Task.Delay(TimeSpan.FromSeconds(4));          // both replicas run a few more times

        // Only the unit that had not sent m02, once per stage.
        Assert.Equal(["doan.soyte@langson.test"], _smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(a => a.Address).Distinct());
        Assert.Collection(_smtp.Messages.Select(m => m.Subject),
            s => Assert.StartsWith("[DoanKhoi] Sắp đến hạn nộp Báo cáo tháng 2 (hạn 05/02/2023)", s),
            s => Assert.StartsWith("[DoanKhoi] Hôm nay là hạn nộp Báo cáo tháng 2", s),
            s => Assert.StartsWith("[DoanKhoi] Chưa nộp Báo cáo tháng 2", s));
        // The cluster (no address) is reminded in the portal; the unit that sent m02 is not reminded of it.
        var clusterReminders = await office.GetFromJsonAsync<List<ReminderView>>($"/reports/reminders?clusterId={_cluster}", ProblemAssertions.Json);
        var sentReminders = await office.GetFromJsonAsync<List<ReminderView>>($"/reports/reminders?unitId={_sent}", ProblemAssertions.Json);
        Assert.Equal(3, clusterReminders!.Count(r => r.Code == "m02"));
        Assert.DoesNotContain(sentReminders!, r => r.Code == "m02");
        Assert.Equal(6L, await _first.Database.ScalarAsync<long>("SELECT count(*) FROM reminders WHERE code = 'm02'")); // Sở Y tế and Cụm 1, three stages each
        // m01's deadline (05/01) was closed once, with the three that never sent it; two schedulers took part.
        Assert.Equal(1L, await _first.Database.ScalarAsync<long>("SELECT count(*) FROM report_closings WHERE code = 'm01'"));
        Assert.Equal(3L, await _first.Database.ScalarAsync<long>("SELECT cardinality(missing) FROM report_closings WHERE code = 'm01'"));
        Assert.Equal(2L, await _first.Database.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state"));
        // Its event left through the outbox of whichever replica dispatched it, once.
        bool Published(SchedulerReplica replica) =>
            replica.Harness.Published.Select<ReportDeadlinePassed>().Any(m => m.Context.Message.Code == "m01" && m.Context.Message.MissingSubmitterIds.Count == 3);
        await Eventually.Until(() => Task.FromResult(Published(_first) || Published(_second)), TimeSpan.FromSeconds(30), "m01's deadline published");
    }
}
