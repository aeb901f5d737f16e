using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The emulation scoreboard per unit and per cluster, ranked, and the year's figures as the workbook
/// the province expects.</summary>
public static class ScoreboardApi
{
    public static IEndpointRouteBuilder MapScoreboardApi(this IEndpointRouteBuilder app)
    {
        var scoreboard = app.MapGroup("/scoreboard").WithTags("Scoreboard").RequireAuthorization(Policies.Read);
        scoreboard.MapGet("", GetScoreboard).WithMaxItems(OrganisationLimits.MaxOpenUnits)
            .WithSummary("The units (level=unit) or clusters (level=cluster) the caller sees, scored on the targets and the punctuality of their reports as the programme weighs them, ranked, as of a day");
        scoreboard.MapGet("/export", Export).WithSummary("The scoreboard as a spreadsheet (xlsx or csv), in Vietnamese");
        app.MapGet("/reports/{year:int}/annual-workbook", AnnualWorkbook).WithTags("Reports").RequireAuthorization(Policies.Read)
            .WithSummary("The year's figures as one workbook (the bloc's targets, each cluster's and unit's figures, the annual reports' figures, punctuality): the bloc's posts");
        return app;
    }

    public static async Task<Ok<List<ScoreRow>>> GetScoreboard(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery, AllowedValues("unit", "cluster")] string? level = null, [FromQuery] Guid? clusterId = null) =>
        TypedResults.Ok(await ScoresAsync(caller, db, programmes, reader, clock, year, asOf, level, clusterId, ct));

    public static async Task<FileContentHttpResult> Export(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        CancellationToken ct, [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] DateOnly? asOf = null,
        [FromQuery, AllowedValues("unit", "cluster")] string? level = null, [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var (programme, _) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var rows = await ScoresAsync(caller, db, programmes, reader, clock, year, asOf, level, clusterId, ct);
        string[] headers = ["Hạng", "Đơn vị", .. programme.Targets.Select(t => $"{t.Code} ({t.Weight})"), $"Đúng hạn báo cáo ({programme.Scoreboard.PunctualityWeight})", "Trừ do kiểm tra", "Điểm", "Tối đa", "Tỷ lệ (%)"];
        return TableFile.Result(format, headers, rows.Select(r => (object?[])[r.Rank, r.Name,
            .. programme.Targets.Select(t => (object?)r.Targets.FirstOrDefault(s => s.Code == t.Code)?.Points), r.PunctualityPoints, r.StandingPenalty, r.Points, r.Possible, r.Percent]),
            "Bảng thi đua", $"bang-thi-dua-{programme.Year}");
    }

    public static async Task<List<ScoreRow>> ScoresAsync(Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader, TimeProvider clock,
        int? year, DateOnly? asOf, string? level, Guid? clusterId, CancellationToken ct)
    {
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, asOf, ct);
        var clusters = level?.Trim().ToLowerInvariant() switch
        {
            null or "" or "unit" => false,
            "cluster" => true,
            _ => throw new ValidationFailedException("level", $"'{level}' is not a level of the scoreboard: use unit or cluster."),
        };
        var calendar = await ReportCalendarApi.CalendarAsync(programme.Year, caller, db, programmes, clock, clusterId, ct);
        List<(Guid Id, string Name, NodeSums Sums, Punctuality? Punctuality)> nodes;
        if (clusters)
        {
            var ids = calendar.Clusters.Select(c => c.ClusterId).ToArray();
            var sums = await reader.SumsOfAsync(programme, BoardLevel.Cluster, ids, day, ct);
            nodes = calendar.Clusters.Select(c => (c.ClusterId, c.Name, new NodeSums(sums.GetValueOrDefault(c.ClusterId) ?? [], new Dictionary<string, long>(), 0, null),
                (Punctuality?)c.Punctuality)).ToList();
        }
        else
        {
            var units = calendar.Rows.Where(r => r.Level == SubmitterLevel.Unit).ToList();
            var ids = units.Select(u => u.NodeId).ToArray();
            var sums = await reader.SumsOfAsync(programme, BoardLevel.Unit, ids, day, ct);
            var quotas = await db.IdeaQuotas.AsNoTracking().Where(q => q.Year == programme.Year && ids.Contains(q.UnitId)).ToDictionaryAsync(q => q.UnitId, q => q.Count, ct);
            nodes = units.Select(u => (u.NodeId, u.Name, new NodeSums(sums.GetValueOrDefault(u.NodeId) ?? [], new Dictionary<string, long>(), 0,
                quotas.TryGetValue(u.NodeId, out var q) ? q : (int?)null), u.Exempt ? null : (Punctuality?)u.Punctuality)).ToList();
        }
        var boardLevel = clusters ? BoardLevel.Cluster : BoardLevel.Unit;
        var standing = await StandingAsync(db, clusters, [.. nodes.Select(n => n.Id)], ct);
        var scored = nodes.Select(n => (n.Id, n.Name, Score: Score.Of(programme,
            programme.Measures.Select(m => BoardFigures.Evaluate(programme, m, boardLevel, n.Sums, day)).ToList(), n.Punctuality,
            standing.GetValueOrDefault(n.Id)))).ToList();
        var ranked = scored.OrderByDescending(s => s.Score.Percent ?? -1).ThenBy(s => s.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        return ranked.Select((s, i) => new ScoreRow(
            // Equal percentages share a rank.
            i > 0 && ranked[i - 1].Score.Percent == s.Score.Percent ? ranked.FindIndex(r => r.Score.Percent == s.Score.Percent) + 1 : i + 1,
            s.Id, s.Name, s.Score.Points, s.Score.Possible, s.Score.Percent, s.Score.Targets.ToList(), s.Score.PunctualityPoints,
            s.Score.StandingPenalty, standing.GetValueOrDefault(s.Id)?.OpenSeriousFindings ?? 0, standing.GetValueOrDefault(s.Id)?.OverdueRecommendations ?? 0)).ToList();
    }

    /// <summary>What inspections left open on each unit today (a cluster's: its units' now), as the inspection service published it.</summary>
    private static async Task<Dictionary<Guid, Standing>> StandingAsync(ReportingDbContext db, bool clusters, Guid[] ids, CancellationToken ct)
    {
        var weighing = db.UnitStandings.AsNoTracking().Where(s => s.OpenSeriousFindings > 0 || s.OverdueRecommendations > 0);
        if (!clusters)
            return await weighing.Where(s => ids.Contains(s.UnitId))
                .ToDictionaryAsync(s => s.UnitId, s => new Standing(s.OpenSeriousFindings, s.OverdueRecommendations), ct);
        var rows = await weighing.Join(db.Units.Where(u => ids.Contains(u.ClusterId)), s => s.UnitId, u => u.Id, (s, u) => new { u.ClusterId, s.OpenSeriousFindings, s.OverdueRecommendations })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ClusterId).ToDictionary(g => g.Key, g => new Standing(g.Sum(r => r.OpenSeriousFindings), g.Sum(r => r.OverdueRecommendations)));
    }

    public static async Task<FileContentHttpResult> AnnualWorkbook(int year, Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardReader reader,
        TimeProvider clock, CancellationToken ct)
    {
        if (!caller.SeesWholeBloc) throw new ForbiddenException("The year's workbook is the bloc's: it is for the bloc's posts.");
        var (programme, day) = await BoardApi.ResolveAsync(db, programmes, clock, year, null, ct);
        var bloc = await reader.SumsAsync(programme, BoardLevel.Bloc, null, day, ct);
        var measures = programme.Measures.ToList();
        var targetSheet = measures.Select(m => (m, f: BoardFigures.Evaluate(programme, m, BoardLevel.Bloc, bloc, day)))
            .Select(x => (object?[])[programme.TargetOf(x.m.Code)!.Code, x.m.Code, x.m.Name, x.f.GoalAtLeast ?? x.f.GoalAtMost, x.f.Value, x.f.IsShare ? "%" : "", BoardApi.StatusName(x.f.Status)]);
        var clusters = await db.Clusters.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var clusterSums = await reader.SumsOfAsync(programme, BoardLevel.Cluster, [.. clusters.Select(c => c.Id)], day, ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.NameFolded).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var unitSums = await reader.SumsOfAsync(programme, BoardLevel.Unit, [.. units.Select(u => u.Id)], day, ct);
        object?[] Values(BoardLevel level, Dictionary<(string, TallyPart), long>? sums) =>
            [.. measures.Select(m => (object?)BoardFigures.Evaluate(programme, m, level, new NodeSums(sums ?? [], new Dictionary<string, long>(), 0, null), day).Value)];
        string[] measureHeaders = [.. measures.Select(m => m.Code)];
        var annual = programme.Reports.FirstOrDefault(r => r.Commendations) ?? programme.Reports.Last();
        var annualReports = await db.Reports.AsNoTracking().Where(r => r.Year == programme.Year && r.Code == annual.Code).ToListAsync(ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        foreach (var c in clusters) names[c.Id] = c.Name;
        var calendar = await ReportCalendarApi.CalendarAsync(programme.Year, caller, db, programmes, clock, null, ct);
        var file = TableFile.Workbook([
            ("Chỉ tiêu", ["Chỉ tiêu", "Mã", "Nội dung", "Mục tiêu", "Kết quả", "Đơn vị", "Đánh giá"], targetSheet),
            ("Theo cụm", ["Cụm", .. measureHeaders], clusters.Select(c => (object?[])[c.Name, .. Values(BoardLevel.Cluster, clusterSums.GetValueOrDefault(c.Id))])),
            ("Theo cơ sở", ["Cơ sở", .. measureHeaders], units.Select(u => (object?[])[u.Name, .. Values(BoardLevel.Unit, unitSums.GetValueOrDefault(u.Id))])),
            (annual.Name.Length > 31 ? "Báo cáo năm" : annual.Name, ["Đơn vị", "Gửi lúc", "Đúng hạn", "Trạng thái", .. programme.Figures.Select(f => f.Name)],
                annualReports.OrderBy(r => names.GetValueOrDefault(r.SubmitterId)).Select(r => (object?[])[names.GetValueOrDefault(r.SubmitterId), TableFile.Moment(r.FirstSubmittedAt),
                    r.OnTime ? "Có" : "Không", r.State.ToString(), .. programme.Figures.Select(f => (object?)r.Latest.Figures.FirstOrDefault(v => v.Code == f.Code)?.Value)])),
            ("Đúng hạn", ["Cấp", "Đơn vị", "Phải nộp", "Đúng hạn", "Muộn", "Chưa nộp", "Tỷ lệ (%)"],
                calendar.Rows.Select(r => (object?[])[r.Level == SubmitterLevel.Unit ? "Cơ sở" : "Cụm", r.Name, r.Punctuality.Due, r.Punctuality.OnTime,
                    r.Punctuality.Late, r.Punctuality.Missing, r.Punctuality.Rate])),
        ]);
        return TypedResults.File(file, TableFile.XlsxContentType, $"so-lieu-nam-{programme.Year}.xlsx");
    }

}

public sealed record ScoreRow(
    [property: Range(1, OrganisationLimits.MaxOpenUnits)] int Rank,
    Guid NodeId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    decimal Points,
    decimal Possible,
    decimal? Percent,
    [property: MaxLength(TargetProgramme.MaxTargets)] List<TargetScore> Targets,
    decimal? PunctualityPoints,
    /// <summary>Points taken off for what inspections left open (the programme's penalties).</summary>
    decimal StandingPenalty = 0,
    /// <summary>Serious findings still open, today.</summary>
    int OpenSeriousFindings = 0,
    /// <summary>Recommendations past their due day and not done, today.</summary>
    int OverdueRecommendations = 0);
