using DoanKhoi.Contracts.Membership;
using DoanKhoi.Messaging;
using DoanKhoi.Reporting.Apis;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Reporting.Extensions;

/// <summary>Section "Demo": <c>Load=true</c> fills an empty reporting service with the year's reports so far,
/// once membership's demo organisation has arrived (<c>SettleSeconds</c>: how long the unit count must stay still).</summary>
public sealed class DemoReportsOptions
{
    public bool Load { get; set; }
    public int SettleSeconds { get; set; } = 15;
    public int WaitMinutes { get; set; } = 15;
}

/// <summary>The demo data set's reports of the present year up to today: most units and clusters send each
/// report on time, some late (the bloc office opened it for them), some never; the bloc office accepted most
/// and returned a few for correction. Through the domain, with the figures DoanKhoi counted for each period.
/// Deterministic: the same organisation gives the same year.</summary>
public sealed class DemoReportsLoader(IServiceScopeFactory scopes, IOptions<DemoReportsOptions> options, TimeProvider clock, ILogger<DemoReportsLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Load) return;
        try
        {
            if (!await SettledAsync(stoppingToken)) return;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            if (await db.Reports.AnyAsync(stoppingToken)) return;
            var count = await LoadAsync(scope.ServiceProvider, db, stoppingToken);
            logger.LogInformation("Demo data: {Count} reports loaded", count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits until the copy holds the units and this year's programme is written, and the unit count stays still.</summary>
    private async Task<bool> SettledAsync(CancellationToken ct)
    {
        var settled = await DemoData.SettledAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var units = await db.Units.CountAsync(token);
            return units > 0 && await db.Programmes.AnyAsync(p => p.Year == VietnamTime.Today(clock).Year, token) ? units : null;
        }, TimeSpan.FromSeconds(options.Value.SettleSeconds), TimeSpan.FromMinutes(options.Value.WaitMinutes), clock, ct);
        if (!settled) logger.LogWarning("Demo data: the organisation did not arrive within {Minutes} minutes; no demo reports", options.Value.WaitMinutes);
        return settled;
    }

    private async Task<int> LoadAsync(IServiceProvider services, ReportingDbContext db, CancellationToken ct)
    {
        var programmes = services.GetRequiredService<ProgrammeStore>();
        var counter = services.GetRequiredService<BoardCounter>();
        var today = VietnamTime.Today(clock);
        var programme = (await programmes.FindAsync(db, today.Year, ct))!;
        var random = new Random(today.Year);
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.Code).ToListAsync(ct);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct);
        var submitters = units.Where(u => !ReportCalendar.IsExempt(programme, u.Kind)).Select(u => (SubmitterLevel.Unit, u.Id))
            .Concat(clusters.Select(c => (SubmitterLevel.Cluster, c.Id))).ToList();
        var count = 0;
        var facts = new Dictionary<Domain.Board.BoardNode, Domain.Board.NodeFacts>();   // one read of each node's year
        foreach (var definition in programme.Reports.Where(r => r.Due < today))
        {
            foreach (var (level, id) in submitters)
            {
                var roll = random.Next(100);
                if (roll >= 88) continue;                                   // never sent
                var late = roll >= 75;
                var at = new DateTimeOffset(definition.Due.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60))), TimeSpan.FromHours(7))
                    .AddDays(late ? 1 + random.Next(4) : -random.Next(6)).ToUniversalTime();
                var counted = await ReportsApi.CountedAsync(db, counter, programme, definition, level, id, ct, facts);
                var content = new ReportContent(
                    [.. programme.Figures.Where(f => definition.From is not null && counted.ContainsKey(f.Code)).Select(f => new FigureValue(f.Code, counted[f.Code], counted[f.Code], null))],
                    $"{definition.Name}: đơn vị đã triển khai các hoạt động theo chương trình công tác năm {programme.Year}.", [], null);
                var report = Report.Submit(definition, programme.Year, level, id, content, late ? at.AddDays(1) : null, "demo", at);
                var review = random.Next(10);
                if (review < 6) report.Accept("vanphong", at.AddDays(2));
                else if (review == 6) report.Return("Đề nghị bổ sung số liệu và minh chứng.", "vanphong", at.AddDays(2));
                db.Reports.Add(report);
                count++;
            }
        }
        await db.SaveChangesAsync(ct);   // all at once: the calendar never shows half a demo
        return count;
    }
}
