using System.Collections.Concurrent;
using DoanKhoi.Reporting.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Infrastructure;

/// <summary>The programmes the database holds, parsed once per version (the board reads them on every
/// request and every count).</summary>
public sealed class ProgrammeStore
{
    private readonly ConcurrentDictionary<(int Year, int Version), TargetProgramme> _parsed = new();

    public async Task<IReadOnlyList<TargetProgramme>> AllAsync(ReportingDbContext db, CancellationToken ct)
    {
        var versions = await db.Programmes.AsNoTracking().Select(p => new { p.Year, p.Version }).ToListAsync(ct);
        var result = new List<TargetProgramme>(versions.Count);
        foreach (var v in versions.OrderBy(v => v.Year))
            result.Add(await ParsedAsync(db, v.Year, v.Version, ct));
        return result;
    }

    /// <summary>The programme of <paramref name="year"/>, or null when there is none.</summary>
    public async Task<TargetProgramme?> FindAsync(ReportingDbContext db, int year, CancellationToken ct)
    {
        var version = await db.Programmes.AsNoTracking().Where(p => p.Year == year).Select(p => (int?)p.Version).FirstOrDefaultAsync(ct);
        return version is { } v ? await ParsedAsync(db, year, v, ct) : null;
    }

    private async Task<TargetProgramme> ParsedAsync(ReportingDbContext db, int year, int version, CancellationToken ct)
    {
        if (_parsed.TryGetValue((year, version), out var programme)) return programme;
        var stored = await db.Programmes.AsNoTracking().Where(p => p.Year == year).Select(p => new { p.Version, p.Document }).FirstAsync(ct);
        return _parsed[(year, stored.Version)] = TargetProgramme.FromJson(stored.Document);
    }

    /// <summary>The programme file the service ships for a database that has none (2023's, from the seed).</summary>
    public static TargetProgramme Shipped(string? folder = null)
    {
        var path = Path.Combine(folder ?? Path.Combine(AppContext.BaseDirectory, "Programme"), "targets-2023.json");
        var programme = TargetProgramme.FromJson(File.ReadAllText(path));
        var errors = programme.Check();
        if (errors.Any) throw new InvalidOperationException($"{path}: {string.Join(" ", errors.Entries.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        return programme;
    }
}
