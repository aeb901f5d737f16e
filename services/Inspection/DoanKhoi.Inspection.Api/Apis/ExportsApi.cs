using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Files;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Organisation;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

/// <summary>The inspections, the recommendations' follow-up and the register of social critique as a
/// spreadsheet (.xlsx) or .csv, with each list's own filters and reach, in Vietnamese. A file shows no more
/// than its list: no finding's text, and of an inspection's subjects only the units the caller reaches.</summary>
public static class ExportsApi
{
    /// <summary>The most rows one export holds.</summary>
    public const int MaxRows = 50_000;

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/").WithTags("Exports").RequireAuthorization(Policies.Read);
        files.MapGet("/inspections/export", ExportInspections)
            .WithSummary("The inspections and supervisions (the same filters as GET /inspections, every page) with their basis, units, days and findings, as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        files.MapGet("/recommendations/export", ExportRecommendations)
            .WithSummary("The recommendations (the same filters as GET /recommendations, every page) with their inspection, due day, state and last report, as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        files.MapGet("/social-critiques/export", ExportSocialCritiques)
            .WithSummary("The register of social critique for a year (the bloc's posts), as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        return app;
    }

    public static async Task<FileContentHttpResult> ExportInspections(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery, StringLength(30)] string? kind = null, [FromQuery, StringLength(20)] string? status = null,
        [FromQuery] Guid? unitId = null, [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null)
    {
        TableFile.CheckFormat(format);
        var units = await caller.UnitsSeenAsync(db, ct);
        var names = await db.NodeNamesAsync(ct);
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var list = (await InspectionsApi.List(caller, db, clock, ct, year, kind, status, unitId, q, page, Paging.MaxPageSize)).Value!;
            var ids = list.Items.Select(i => i.Id).ToList();
            var details = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.Id))
                .Select(i => new { i.Id, i.Basis.DecisionNumber, i.Basis.DecidedOn, Units = i.Subjects.Select(s => s.UnitId).ToList() })
                .ToDictionaryAsync(i => i.Id, ct);
            rows.AddRange(list.Items.Select(i =>
            {
                var detail = details[i.Id];
                // The units inspected, or those of the people inspected: a person's name is not the list's to show.
                var inspected = detail.Units.Distinct().Where(u => units is null || units.Contains(u)).Select(u => names.GetValueOrDefault(u, ""))
                    .Order(InspectionView.VietnameseOrder);
                return new object?[]
                {
                    TableFile.Neutralise(i.Topic), InspectionKindsApi.NameOf(i.Kind), TableFile.Neutralise(detail.DecisionNumber), TableFile.Date(detail.DecidedOn),
                    TableFile.Neutralise(string.Join("; ", inspected)), TableFile.Date(i.PlannedFrom), TableFile.Date(i.PlannedTo), InspectionWords.InspectionStatus(InspectionWords.Word(i.Status)),
                    i.ConcludedOn is { } on ? TableFile.Date(on) : null, i.Findings, i.SeriousFindings, i.Progress,
                };
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format,
            ["Nội dung", "Loại", "Số quyết định", "Ngày quyết định", "Cơ sở Đoàn được kiểm tra", "Từ ngày", "Đến ngày", "Tình trạng", "Ngày kết luận",
                "Số phát hiện", "Phát hiện nghiêm trọng", "Tiến độ (%)"],
            rows, "Kiểm tra, giám sát", $"kiem-tra-giam-sat-{year ?? VietnamTime.Today(clock).Year}");
    }

    public static async Task<FileContentHttpResult> ExportRecommendations(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] Guid? unitId = null, [FromQuery, StringLength(20)] string? status = null, [FromQuery] bool overdue = false,
        [FromQuery] DateOnly? dueBy = null, [FromQuery] bool todo = false, [FromQuery, Range(2000, 2100)] int? year = null)
    {
        TableFile.CheckFormat(format);
        var names = await db.NodeNamesAsync(ct);
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var list = (await RecommendationsApi.List(caller, db, clock, ct, unitId, status, overdue, dueBy, todo, year, page, Paging.MaxPageSize)).Value!;
            var inspectionIds = list.Items.Select(r => r.InspectionId).Distinct().ToList();
            var topics = await db.Inspections.AsNoTracking().Where(i => inspectionIds.Contains(i.Id)).Select(i => new { i.Id, i.Topic })
                .ToDictionaryAsync(i => i.Id, i => i.Topic, ct);
            var ids = list.Items.Select(r => r.Id).ToList();
            var reported = (await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct))
                .ToDictionary(r => r.Id, r => r.Reports.Count == 0 ? (DateTimeOffset?)null : r.Reports.Max(p => p.ReportedAt));
            rows.AddRange(list.Items.Select(r => new object?[]
            {
                TableFile.Neutralise(topics.GetValueOrDefault(r.InspectionId, "")), TableFile.Neutralise(r.AddresseeName),
                TableFile.Neutralise(names.GetValueOrDefault(r.UnitId, "")), TableFile.Neutralise(r.Action), TableFile.Date(r.DueOn),
                InspectionWords.RecommendationStatus(InspectionWords.Word(r.Status)), r.Overdue ? "x" : null, reported.GetValueOrDefault(r.Id) is { } at ? TableFile.Moment(at) : null,
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format, ["Nội dung kiểm tra", "Gửi đến", "Cơ sở Đoàn", "Việc cần làm", "Hạn", "Tình trạng", "Quá hạn", "Báo cáo gần nhất"],
            rows, "Kiến nghị", $"kien-nghi-{VietnamTime.Today(clock):yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportSocialCritiques(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx", [FromQuery, Range(2000, 2100)] int? year = null)
    {
        TableFile.CheckFormat(format);
        var list = (await SupervisionApi.ListCritiques(caller, db, clock, ct, year)).Value!;
        var rows = list.Select(s => new object?[]
        {
            TableFile.Neutralise(s.Document), TableFile.Neutralise(s.SentBy), TableFile.Date(s.ReceivedOn),
            s.OpinionsSentOn is { } sent ? TableFile.Date(sent) : null, TableFile.Neutralise(s.Response), s.ResponseOn is { } on ? TableFile.Date(on) : null,
            // K14 counts an item from the day the bloc's opinions were sent, unless it was withdrawn.
            s.OpinionsSentOn is not null && !s.Withdrawn ? "x" : null, s.Withdrawn ? "x" : null,
        });
        return TableFile.Result(format,
            ["Văn bản phản biện", "Cơ quan gửi", "Ngày nhận", "Ngày gửi ý kiến", "Phản hồi nhận được", "Ngày phản hồi", "Tính vào K14", "Đã rút"],
            rows, "Phản biện xã hội", $"phan-bien-xa-hoi-{year ?? VietnamTime.Today(clock).Year}");
    }
}
