using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Domain.Standing;

/// <summary>What weighs on a unit after its inspections, as last published: its serious findings still
/// open, its recommendations overdue, and those still open. A serious finding is open until its
/// inspection is concluded and every recommendation answering it is closed; a recommendation is overdue
/// past its due day until its unit reports it done.</summary>
public sealed class UnitStandingRecord : AggregateRoot
{
    private UnitStandingRecord() { }

    public Guid UnitId { get; private set; }
    public int OpenSeriousFindings { get; private set; }
    public int OverdueRecommendations { get; private set; }
    public int OpenRecommendations { get; private set; }
    public DateOnly AsOf { get; private set; }
    public int Version { get; private set; }

    public static UnitStandingRecord For(Guid unitId) => new() { UnitId = unitId };

    /// <summary>Takes the counts; raises <see cref="UnitStandingChanged"/> when one of them moved.</summary>
    public bool Set(int openSerious, int overdue, int open, DateOnly today, DateTimeOffset now)
    {
        AsOf = today;
        if (Version > 0 && (openSerious, overdue, open) == (OpenSeriousFindings, OverdueRecommendations, OpenRecommendations)) return false;
        (OpenSeriousFindings, OverdueRecommendations, OpenRecommendations) = (openSerious, overdue, open);
        Version++;
        Raise(new UnitStandingChanged
        {
            UnitId = UnitId, OpenSeriousFindings = openSerious, OverdueRecommendations = overdue, OpenRecommendations = open, AsOf = today,
            Version = Version, OccurredAt = now,
        });
        return true;
    }
}

/// <summary>Counts units' standing again from what is saved, and publishes what moved: after a change that
/// can move it (a finding, a conclusion, a recommendation's report, closing or reopening) and once a day,
/// when recommendations fall overdue. Derived and recountable, so it runs in a transaction of its own,
/// with each unit's record locked while it is counted.</summary>
public sealed class UnitStanding(InspectionDbContext db, TimeProvider clock)
{
    public Task RecountAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().Order().ToArray();
        if (ids.Length == 0) return Task.CompletedTask;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            foreach (var id in ids)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('unit-standing:' || {id.ToString()}))", token);
            await CountAsync(ids, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
        }, ct);
    }

    private async Task CountAsync(Guid[] ids, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow();
        var serious = await db.Set<Finding>().AsNoTracking()
            .Where(f => ids.Contains(f.UnitId) && f.Severity == FindingSeverity.Serious)
            .Join(db.Inspections, f => f.InspectionId, i => i.Id, (f, i) => new { f.Id, f.UnitId, i.Status })
            .Where(x => x.Status != InspectionStatus.Cancelled)
            .Where(x => x.Status != InspectionStatus.Concluded
                        || db.Recommendations.Any(r => r.FindingIds.Contains(x.Id) && r.Status != RecommendationStatus.Closed))
            .GroupBy(x => x.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);
        var open = await db.Recommendations.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress))
            .GroupBy(r => r.UnitId).Select(g => new { UnitId = g.Key, Open = g.Count(), Overdue = g.Count(r => r.DueOn < today) })
            .ToDictionaryAsync(x => x.UnitId, ct);
        var records = await db.UnitStandings.Where(s => ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        foreach (var id in ids)
        {
            if (!records.TryGetValue(id, out var record))
            {
                if (serious.GetValueOrDefault(id) == 0 && !open.ContainsKey(id)) continue;   // nothing has ever weighed on it
                db.UnitStandings.Add(record = UnitStandingRecord.For(id));
            }
            record.Set(serious.GetValueOrDefault(id), open.GetValueOrDefault(id)?.Overdue ?? 0, open.GetValueOrDefault(id)?.Open ?? 0, today, now);
        }
    }
}
