using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The board: each measure of the year's targets at the bloc, a cluster or a unit, against its goal
/// and its pace, on any day of the year; and the same for every cluster of the bloc or every unit of a cluster.</summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        var board = app.MapGroup("/board").WithTags("Board").RequireAuthorization(Policies.Read);
        board.MapGet("", GetBoard)
            .WithSummary("The year's targets at the bloc, a cluster (clusterId) or a unit (unitId), as they stood at the end of a day (asOf, today by default): value, goal, pace, status");
        board.MapGet("/clusters", ListClusters).WithMaxItems(OrganisationLimits.MaxClusters)
            .WithSummary("Every cluster the caller sees, with each measure's value and status, as of a day");
        board.MapGet("/units", ListUnits).WithMaxItems(OrganisationLimits.MaxOpenUnits)
            .WithSummary("The units the caller sees (of one cluster, with clusterId), with each measure's value and status, as of a day");
        board.MapGet("/export", Export).WithSummary("The board of the bloc, a cluster or a unit as a spreadsheet (xlsx or csv), in Vietnamese");
        board.MapGet("/clusters/export", ExportClusters).WithSummary("Every cluster the caller sees with each measure's value, as a spreadsheet (xlsx or csv)");
        board.MapGet("/units/export", ExportUnits).WithSummary("The units the caller sees (of one cluster, with clusterId) with each measure's value, as a spreadsheet (xlsx or csv)");
        return app;
    }

    public static async Task<FileContentHttpResult> Export(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null, [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var board = (await GetBoard(caller, db, programmes, reader, clock, ct, year, asOf, clusterId, unitId)).Value!;
        string[] headers = ["Chỉ tiêu", "Mã", "Nội dung", "Mục tiêu", "Cần đạt đến ngày", "Kết quả", "Đơn vị tính", "Số đếm", "Trên tổng số", "Đánh giá"];
        var rows = board.Targets.SelectMany(t => t.Measures.Select(m => (object?[])[t.Code, m.Code, m.Name, m.GoalAtLeast ?? m.GoalAtMost, m.Expected, m.Value,
            m.IsShare ? "%" : "", m.Count, m.Base, StatusName(m.Status)]));
        return TableFile.Result(format, headers, rows, "Bảng chỉ tiêu", $"bang-chi-tieu-{board.Year}-{board.AsOf:dd-MM-yyyy}");
    }

    public static async Task<FileContentHttpResult> ExportClusters(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null, [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var (programme, day) = await ResolveAsync(db, programmes, clock, year, asOf, ct);
        var rows = (await ListClusters(caller, db, programmes, reader, clock, ct, programme.Year, day)).Value!;
        return RowsFile(programme, day, rows, "Cụm thi đua", format, "theo-cum");
    }

    public static async Task<FileContentHttpResult> ExportUnits(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null, [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var (programme, day) = await ResolveAsync(db, programmes, clock, year, asOf, ct);
        var rows = (await ListUnits(caller, db, programmes, reader, clock, ct, programme.Year, day, clusterId)).Value!;
        return RowsFile(programme, day, rows, "Cơ sở Đoàn", format, "theo-co-so");
    }

    /// <summary>One row a node, one column a measure (its value: a count, or a share in %).</summary>
    private static FileContentHttpResult RowsFile(TargetProgramme programme, DateOnly day, List<BoardRow> rows, string who, string? format, string name)
    {
        var measures = programme.Measures.ToList();
        string[] headers = ["Mã", who, .. measures.Select(m => m.IsShare ? $"{m.Code} (%)" : m.Code)];
        return TableFile.Result(format, headers,
            rows.Select(r => (object?[])[r.Code, r.Name, .. measures.Select(m => (object?)r.Figures.FirstOrDefault(f => f.Measure == m.Code)?.Value)]),
            who, $"bang-chi-tieu-{name}-{programme.Year}-{day:dd-MM-yyyy}");
    }

    /// <summary>A figure's status in the words of the board.</summary>
    public static string StatusName(FigureStatus status) => status switch
    {
        FigureStatus.Met => "Đạt",
        FigureStatus.OnTrack => "Đúng tiến độ",
        FigureStatus.Behind => "Chậm tiến độ",
        FigureStatus.NotMet => "Không đạt",
        FigureStatus.Contribution => "Đóng góp",
        _ => "",
    };

    public static async Task<Ok<BoardView>> GetBoard(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null)
    {
        if (clusterId is not null && unitId is not null)
            throw new ValidationFailedException("unitId", "Ask for a cluster or a unit, not both.");
        var (programme, day) = await ResolveAsync(db, programmes, clock, year, asOf, ct);
        var (level, id, name) = (BoardLevel.Bloc, (Guid?)null, "Đoàn Khối");
        if (unitId is { } unit)
        {
            await db.EnsureSeesUnitAsync(caller, unit, ct);
            (level, id, name) = (BoardLevel.Unit, unit, await db.Units.Where(u => u.Id == unit).Select(u => u.Name).FirstAsync(ct));
        }
        else if (clusterId is { } cluster)
        {
            await db.EnsureSeesClusterAsync(caller, cluster, ct);
            (level, id, name) = (BoardLevel.Cluster, cluster, await db.Clusters.Where(c => c.Id == cluster).Select(c => c.Name).FirstAsync(ct));
        }
        var sums = await reader.SumsAsync(programme, level, id, day, ct);
        var targets = programme.Targets.Select(t => new TargetFigures(t.Code, t.Name, t.Weight,
            t.Measures.Select(m => BoardFigures.Evaluate(programme, m, level, sums, day)).ToList())).ToList();
        return TypedResults.Ok(new BoardView(programme.Year, day, level, id, name, Math.Round(100 * programme.Elapsed(day), 2), targets));
    }

    public static async Task<Ok<List<BoardRow>>> ListClusters(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null)
    {
        var (programme, day) = await ResolveAsync(db, programmes, clock, year, asOf, ct);
        var clusters = await db.ClustersSeenBy(caller).AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        var sums = await reader.SumsOfAsync(programme, BoardLevel.Cluster, [.. clusters.Select(c => c.Id)], day, ct);
        return TypedResults.Ok(clusters.Select(c => Row(programme, BoardLevel.Cluster, c.Id, c.Code, c.Name, sums.GetValueOrDefault(c.Id), null, day)).ToList());
    }

    public static async Task<Ok<List<BoardRow>>> ListUnits(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null, [FromQuery] Guid? clusterId = null)
    {
        var (programme, day) = await ResolveAsync(db, programmes, clock, year, asOf, ct);
        var query = db.UnitsSeenBy(caller).AsNoTracking().Where(u => u.Status == UnitStatus.Open || u.ClosedOn > day);
        if (clusterId is { } cluster)
        {
            await db.EnsureSeesClusterAsync(caller, cluster, ct);
            query = query.Where(u => u.ClusterId == cluster);
        }
        var units = await query.OrderBy(u => u.NameFolded).Take(OrganisationLimits.MaxOpenUnits).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToArray();
        var sums = await reader.SumsOfAsync(programme, BoardLevel.Unit, ids, day, ct);
        var quotas = await db.IdeaQuotas.AsNoTracking().Where(q => q.Year == programme.Year && ids.Contains(q.UnitId)).ToDictionaryAsync(q => q.UnitId, q => q.Count, ct);
        return TypedResults.Ok(units.Select(u => Row(programme, BoardLevel.Unit, u.Id, u.Code, u.Name, sums.GetValueOrDefault(u.Id),
            quotas.TryGetValue(u.Id, out var q) ? q : null, day)).ToList());
    }

    private static BoardRow Row(TargetProgramme programme, BoardLevel level, Guid id, string code, string name,
        Dictionary<(string, TallyPart), long>? sums, int? quota, DateOnly day)
    {
        var node = new NodeSums(sums ?? [], new Dictionary<string, long>(), 0, quota);
        return new BoardRow(id, code, name, programme.Measures
            .Select(m => BoardFigures.Evaluate(programme, m, level, node, day))
            .Select(f => new FigureCell(f.Code, f.Value, f.Count, f.Base, f.Status) { IsShare = f.IsShare, GoalAtLeast = f.GoalAtLeast, GoalAtMost = f.GoalAtMost }).ToList());
    }

    /// <summary>The programme asked for (the latest one up to this year by default) and the day (today, within the programme's year).</summary>
    public static async Task<(TargetProgramme Programme, DateOnly Day)> ResolveAsync(ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock,
        int? year, DateOnly? asOf, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        if (year is < 2000 or > 2100) throw new ValidationFailedException("year", "The year is between 2000 and 2100.");
        var y = year ?? await db.Programmes.Where(p => p.Year <= today.Year).MaxAsync(p => (int?)p.Year, ct) ?? today.Year;
        var programme = await programmes.FindAsync(db, y, ct)
            ?? throw new NotFoundException("programme", y);
        var day = asOf ?? (today < programme.EndsOn ? today : programme.EndsOn);
        if (day.Year is < 2000 or > 2100) throw new ValidationFailedException("asOf", "The day is between 2000 and 2100.");
        return (programme, day);
    }
}

/// <summary>The board of one node on one day: <see cref="Elapsed"/> is the share of the year gone (%).</summary>
public sealed record BoardView(
    [property: Range(2000, 2100)] int Year,
    DateOnly AsOf,
    BoardLevel Level,
    Guid? NodeId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string NodeName,
    [property: Range(0, 100)] decimal Elapsed,
    [property: MaxLength(TargetProgramme.MaxTargets)] List<TargetFigures> Targets);

public sealed record TargetFigures(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    [property: Range(0, 100)] int Weight,
    [property: MaxLength(TargetProgramme.MaxMeasures)] List<MeasureFigure> Measures);

/// <summary>A cluster or unit with each measure's figure.</summary>
public sealed record BoardRow(
    Guid NodeId,
    [property: StringLength(OrganisationLimits.CodeMaxLength)] string Code,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    [property: MaxLength(TargetProgramme.MaxTargets * TargetProgramme.MaxMeasures)] List<FigureCell> Figures);

public sealed record FigureCell(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Measure,
    decimal? Value,
    long Count,
    long? Base,
    FigureStatus Status)
{
    public bool IsShare { get; init; }
    public decimal? GoalAtLeast { get; init; }
    public decimal? GoalAtMost { get; init; }
}
