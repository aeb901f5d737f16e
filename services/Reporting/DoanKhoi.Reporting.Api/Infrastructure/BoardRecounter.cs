using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

/// <summary>Counts a year's whole board again after its programme changed (a target added, a number
/// changed) or was first written: every unit, cluster and the bloc, a few nodes per transaction. Counting
/// is idempotent and node by node under the same locks as the consumers', so two replicas doing it at
/// once, or a consumer counting a node meanwhile, leave the same tallies.</summary>
public sealed class BoardRecounter(IServiceScopeFactory scopes, ILogger<BoardRecounter> logger, IConfiguration configuration) : BackgroundService
{
    private const int NodesPerTransaction = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMilliseconds(configuration.GetValue("Reporting:RecountPollMilliseconds", 1000));
        if (every <= TimeSpan.Zero) return; // the tests count again when they mean to (RecountBehindAsync)
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecountBehindAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Counting the board again failed; trying again");
            }
            await Task.Delay(every, stoppingToken);
        }
    }

    /// <summary>Counts again every year whose programme changed since it was last counted in full.</summary>
    public async Task RecountBehindAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var behind = await db.Programmes.AsNoTracking().Where(p => p.CountedVersion < p.Version).Select(p => new { p.Year, p.Version }).ToListAsync(ct);
        foreach (var programme in behind)
        {
            var started = DateTimeOffset.UtcNow;
            var units = await db.Units.AsNoTracking().Select(u => u.Id).ToListAsync(ct);
            var clusters = await db.Clusters.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
            var nodes = units.Select(BoardNode.Unit).Concat(clusters.Select(BoardNode.Cluster)).Append(BoardNode.Bloc).ToList();
            foreach (var chunk in nodes.Chunk(NodesPerTransaction))
            {
                await using var chunkScope = scopes.CreateAsyncScope();
                var chunkDb = chunkScope.ServiceProvider.GetRequiredService<ReportingDbContext>();
                var counter = chunkScope.ServiceProvider.GetRequiredService<BoardCounter>();
                await chunkDb.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var transaction = await chunkDb.Database.BeginTransactionAsync(token);
                    await counter.RecountAsync(chunk.Select(n => (n, (int?)programme.Year)).ToList(), token);
                    await transaction.CommitAsync(token);
                }, ct);
            }
            await db.Programmes.Where(p => p.Year == programme.Year && p.CountedVersion < programme.Version)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.CountedVersion, programme.Version), ct);
            logger.LogInformation("Counted the board of {Year} (programme version {Version}): {Nodes} nodes in {Seconds:0.0} s",
                programme.Year, programme.Version, nodes.Count, (DateTimeOffset.UtcNow - started).TotalSeconds);
        }
    }
}

/// <summary>Writes the programme the service ships (2023's, from the seed) into a database that has none
/// for its year; with the demo data, copies it to the present year too, as the standing committee would.</summary>
public sealed class ProgrammeSeeder(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ProgrammeSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Reporting:SeedProgramme", true)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var shipped = ProgrammeStore.Shipped(configuration["Reporting:ProgrammeFolder"]);
        var programmes = new List<TargetProgramme> { shipped };
        var year = Text.VietnamTime.Today(clock).Year;
        if (configuration.GetValue("Demo:Load", false) && year != shipped.Year) programmes.Add(ProgrammeCopy.ToYear(shipped, year));
        foreach (var programme in programmes)
        {
            if (await db.Programmes.AnyAsync(p => p.Year == programme.Year, cancellationToken)) continue;
            var reason = programme == shipped ? "Chương trình công tác Đoàn và phong trào thanh niên năm 2023 (seed IV, VII.3)"
                : $"Sao chép chương trình năm {shipped.Year} cho dữ liệu mẫu";
            db.Programmes.Add(ProgrammeRecord.Create(programme, reason, "system", clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Wrote the programme of {Year}", programme.Year);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // another replica wrote it first
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
