using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The calendar of reports as the bloc office chases it: every unit and cluster against every report
/// of the year (on time, late, missing, returned, exempt), and each one's punctuality across the year.</summary>
public static class ReportCalendarApi
{
    public static IEndpointRouteBuilder MapReportCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Read);
        calendar.MapGet("/{year:int}/calendar", GetCalendar)
            .WithSummary("Every unit and cluster the caller sees (of one cluster, with clusterId) against every report of the year: on time, late, missing, returned, pending or exempt, and its punctuality");
        calendar.MapGet("/{year:int}/calendar/export", Export)
            .WithSummary("The calendar of reports as a spreadsheet (xlsx or csv), in Vietnamese");
        return app;
    }

    public static async Task<Ok<CalendarView>> GetCalendar(int year, Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock,
        CancellationToken ct, [FromQuery] Guid? clusterId = null) =>
        TypedResults.Ok(await CalendarAsync(year, caller, db, programmes, clock, clusterId, ct));

    public static async Task<FileContentHttpResult> Export(int year, Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock,
        CancellationToken ct, [FromQuery] Guid? clusterId = null, [FromQuery, AllowedValues("xlsx", "csv")] string? format = null)
    {
        TableFile.CheckFormat(format);
        var calendar = await CalendarAsync(year, caller, db, programmes, clock, clusterId, ct);
        string[] headers = ["Cấp", "Đơn vị", .. calendar.Reports.Select(r => $"{r.Name} (hạn {TableFile.Date(r.Due)})"), "Đúng hạn", "Muộn", "Chưa nộp", "Tỷ lệ đúng hạn (%)"];
        var rows = calendar.Rows.Select(r => (object?[])[r.Level == SubmitterLevel.Unit ? "Cơ sở" : "Cụm", r.Name,
            .. r.Cells.Select(c => (object?)StateName(c)), r.Punctuality.OnTime, r.Punctuality.Late, r.Punctuality.Missing, r.Punctuality.Rate]);
        return TableFile.Result(format, headers, rows, "Lịch báo cáo", $"lich-bao-cao-{year}");
    }

    private static string StateName(CalendarCell cell) => cell.State switch
    {
        CalendarState.OnTime => cell.Accepted ? "Đúng hạn, đã duyệt" : "Đúng hạn",
        CalendarState.Late => cell.Accepted ? "Muộn, đã duyệt" : "Muộn",
        CalendarState.Missing => "Chưa nộp",
        CalendarState.Returned => "Trả lại để sửa",
        CalendarState.Exempt => "Không áp dụng",
        _ => "Chưa đến hạn",
    };

    public static async Task<CalendarView> CalendarAsync(int year, Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock,
        Guid? clusterId, CancellationToken ct)
    {
        var programme = await programmes.FindAsync(db, year, ct) ?? throw new NotFoundException("programme", year);
        var units = db.UnitsSeenBy(caller).AsNoTracking().Where(u => u.Status == UnitStatus.Open);
        var clusters = db.ClustersSeenBy(caller).AsNoTracking();
        if (clusterId is { } cluster)
        {
            await db.EnsureSeesClusterAsync(caller, cluster, ct);
            (units, clusters) = (units.Where(u => u.ClusterId == cluster), clusters.Where(c => c.Id == cluster));
        }
        var unitList = await units.OrderBy(u => u.NameFolded).Take(OrganisationLimits.MaxOpenUnits).Select(u => new { u.Id, u.Name, u.Kind, u.ClusterId }).ToListAsync(ct);
        var clusterList = await clusters.OrderBy(c => c.Code).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var ids = unitList.Select(u => u.Id).Concat(clusterList.Select(c => c.Id)).ToArray();
        var reports = (await db.Reports.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.SubmitterId)).ToListAsync(ct))
            .ToDictionary(r => (r.SubmitterId, r.Code));
        var now = clock.GetUtcNow();

        CalendarRow Row(SubmitterLevel level, Guid id, string name, Guid? cluster, bool exempt)
        {
            var cells = programme.Reports.Select(d => (Definition: d, Report: reports.GetValueOrDefault((id, d.Code))))
                .Select(x => (x.Report, State: ReportCalendar.StateOf(x.Definition, x.Report, exempt, now), x.Definition.Code)).ToList();
            return new CalendarRow(level, id, name, cluster, exempt,
                cells.Select(c => new CalendarCell(c.Code, c.State, c.Report?.State == ReportState.Accepted, c.Report?.Id)).ToList(),
                ReportCalendar.PunctualityOf(cells.Select(c => (c.State, c.Report))));
        }

        var rows = clusterList.Select(c => Row(SubmitterLevel.Cluster, c.Id, c.Name, null, false))
            .Concat(unitList.Select(u => Row(SubmitterLevel.Unit, u.Id, u.Name, u.ClusterId, ReportCalendar.IsExempt(programme, u.Kind)))).ToList();
        // A cluster's punctuality across the year: its own reports and its units'.
        var clusterRates = clusterList.Select(c => new ClusterPunctuality(c.Id, c.Name, Sum(rows.Where(r => r.NodeId == c.Id || r.ClusterId == c.Id).Select(r => r.Punctuality)))).ToList();
        return new CalendarView(year, programme.Reports.ToList(), rows, clusterRates);
    }

    private static Punctuality Sum(IEnumerable<Punctuality> all)
    {
        var list = all.ToList();
        var (due, onTime) = (list.Sum(p => p.Due), list.Sum(p => p.OnTime));
        return new Punctuality(due, onTime, list.Sum(p => p.Late), list.Sum(p => p.Missing), list.Sum(p => p.Returned), due == 0 ? null : Math.Round(100m * onTime / due, 2));
    }
}

public sealed record CalendarView(
    [property: Range(2000, 2100)] int Year,
    [property: MaxLength(TargetProgramme.MaxReports)] List<ReportDefinition> Reports,
    [property: MaxLength(OrganisationLimits.MaxOpenUnits + OrganisationLimits.MaxClusters)] List<CalendarRow> Rows,
    [property: MaxLength(OrganisationLimits.MaxClusters)] List<ClusterPunctuality> Clusters);

public sealed record CalendarRow(
    SubmitterLevel Level,
    Guid NodeId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    Guid? ClusterId,
    bool Exempt,
    [property: MaxLength(TargetProgramme.MaxReports)] List<CalendarCell> Cells,
    Punctuality Punctuality);

public sealed record CalendarCell([property: StringLength(TargetProgramme.CodeMaxLength)] string Code, CalendarState State, bool Accepted, Guid? ReportId);

public sealed record ClusterPunctuality(Guid ClusterId, [property: StringLength(OrganisationLimits.NameMaxLength)] string Name, Punctuality Punctuality);
