using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Programme;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Domain.Supervision;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Inspection.Extensions;

/// <summary>Section "Demo": <c>Load=true</c> fills an empty inspection service with the year's inspections
/// once membership's demo organisation and members have arrived (<c>SettleSeconds</c>: how long the member
/// count must stay still to count as arrived).</summary>
public sealed class DemoInspectionsOptions
{
    public bool Load { get; set; }
    public int SettleSeconds { get; set; } = 15;
    public int WaitMinutes { get; set; } = 15;
}

/// <summary>The demo data set's year of inspection and supervision, the current one up to today: the
/// committee's programme (six lines across the quarters, five of them for K14), four thematic inspections
/// and supervisions concluded over several units with each unit's assessment, one on signs of violation
/// about a member (who is reprimanded), one in progress and one planned; findings of every severity,
/// some violations, with evidence; recommendations closed, reported done, in progress, open, and some
/// overdue (one serious finding stays open behind one of them); social critique sent and being drafted;
/// two youth forums, one feeding a supervision. Through the domain, so every event reaches reporting and
/// membership as real ones do; the units' standing is counted and the follow-up run once, so the board,
/// the reminders and the scoreboard show the overdue ones at once. Days are spread over the part of the
/// year gone by, so any day of the year gives a whole set (on 1 January nothing can be overdue yet).
/// Deterministic: the same organisation on the same day gives the same year.</summary>
public sealed class DemoInspectionsLoader(IServiceScopeFactory scopes, IOptions<DemoInspectionsOptions> options, TimeProvider clock,
    ILogger<DemoInspectionsLoader> logger) : BackgroundService
{
    /// <summary>The demo's inspection committee account leads every team and records the findings.</summary>
    public const string Committee = "kiemtra";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Load) return;
        try
        {
            if (!await SettledAsync(stoppingToken)) return;
            await LoadOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Loads the year unless an inspection exists already (checked under a lock, in the loading
    /// transaction: two replicas load it once); the number of inspections loaded.</summary>
    public async Task<int> LoadOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InspectionDbContext>();
        using var actor = AuditActor.Use("system:demo-data");
        var loaded = await db.Database.CreateExecutionStrategy().ExecuteAsync<List<Guid>?>(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('demo-inspections'))", token);
            if (await db.Inspections.AnyAsync(token)) return null;
            var units = await DemoInspectionYear.AddAsync(db, clock, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return units;
        }, ct);
        if (loaded is null) return 0;
        // What the committee's requests do after each change, and the scheduler after a day: the standing of
        // the units inspected, then the reminders of what is due or overdue (the scheduler would at its next run).
        await scope.ServiceProvider.GetRequiredService<UnitStanding>().RecountAsync(loaded, ct);
        await scope.ServiceProvider.GetRequiredService<FollowUp>().RunAsync(ct);
        var count = await db.Inspections.CountAsync(ct);
        logger.LogInformation("Demo data: {Count} inspections loaded, with {Recommendations} recommendations", count, await db.Recommendations.CountAsync(ct));
        return count;
    }

    /// <summary>Waits until the copies hold open units and members, and the member count stays still.</summary>
    private async Task<bool> SettledAsync(CancellationToken ct)
    {
        var settled = await DemoData.SettledAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InspectionDbContext>();
            var members = await db.Members.CountAsync(token);
            return members > 0 && await db.Units.AnyAsync(u => u.Status == UnitStatus.Open, token) ? members : null;
        }, TimeSpan.FromSeconds(options.Value.SettleSeconds), TimeSpan.FromMinutes(options.Value.WaitMinutes), clock, ct);
        if (!settled) logger.LogWarning("Demo data: the organisation and members did not arrive within {Minutes} minutes; no demo inspections", options.Value.WaitMinutes);
        return settled;
    }
}
