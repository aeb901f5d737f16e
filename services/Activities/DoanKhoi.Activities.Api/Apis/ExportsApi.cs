using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Files;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Apis;

/// <summary>Every list as a spreadsheet (.xlsx) or .csv, with the list's own filters and reach, in Vietnamese.</summary>
public static class ExportsApi
{
    /// <summary>The most rows one export holds.</summary>
    public const int MaxRows = 50_000;

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/").WithTags("Exports").RequireAuthorization(Policies.Read);
        files.MapGet("/activities/export", ExportActivities).WithSummary("The activities (the same filters as GET /activities, every page) with their quantities, as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        files.MapGet("/activities/{id:guid}/participants/export", ExportParticipants).WithSummary("An activity's attendance sheet, as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        files.MapGet("/ideas/export", ExportIdeas).WithSummary("The creative ideas (the same filters as GET /ideas), as .xlsx or .csv")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        return app;
    }

    public static async Task<FileContentHttpResult> ExportActivities(Caller caller, ActivitiesDbContext db, ProgrammeCatalogue catalogue, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, AllowedValues("planned", "held", "cancelled")] string? status = null,
        [FromQuery, StringLength(ProgrammeYear.CodeMaxLength)] string? kind = null,
        [FromQuery, StringLength(ProgrammeYear.CodeMaxLength)] string? movement = null,
        [FromQuery] Guid? organiserId = null,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null)
    {
        TableFile.CheckFormat(format);
        var programme = catalogue.For(from?.Year ?? VietnamTime.Today(clock).Year);
        var quantities = programme.Quantities;
        string[] headers = ["Tên hoạt động", "Phong trào", "Loại hoạt động", "Đơn vị tổ chức", "Từ ngày", "Đến ngày", "Địa điểm", "Tình trạng",
            .. quantities.Select(q => $"{q.Name} ({q.Unit})")];
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var list = (await ActivitiesApi.ListActivities(caller, db, ct, from, to, status, kind, movement, organiserId, q, page, Paging.MaxPageSize)).Value!;
            var ids = list.Items.Select(a => a.Id).ToList();
            var counted = await db.Activities.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Quantities }).ToDictionaryAsync(a => a.Id, a => a.Quantities, ct);
            rows.AddRange(list.Items.Select(a => new object?[]
            {
                TableFile.Neutralise(a.Title), TableFile.Neutralise(programme.Movement(a.Movement)?.Name ?? a.Movement),
                TableFile.Neutralise(programme.Kind(a.Kind)?.Name ?? a.Kind), TableFile.Neutralise(a.OrganiserName),
                TableFile.Date(a.StartsOn), TableFile.Date(a.EndsOn), TableFile.Neutralise(a.Place), StatusName(a.Status),
            }.Concat(quantities.Select(q => (object?)(counted[a.Id].TryGetValue(q.Code, out var n) ? n : null))).ToArray()));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format, headers, rows, "Hoạt động", $"hoat-dong-{VietnamTime.Today(clock):yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportParticipants(Guid id, Caller caller, ActivitiesDbContext db, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx")
    {
        TableFile.CheckFormat(format);
        var activity = await db.ReachableAsync(caller, id, ct);
        var names = await Organisation.OrganisationCopyReach.NodeNamesAsync(db, ct);
        var rows = new List<object?[]>();
        for (var page = 1; ; page++)
        {
            var list = (await ParticipationsApi.ListParticipants(id, caller, db, ct, null, null, page, Paging.MaxPageSize)).Value!;
            rows.AddRange(list.Items.Select(p => new object?[]
            {
                TableFile.Neutralise(p.FullName), TableFile.Neutralise(names.GetValueOrDefault(p.UnitId, "")), AttendanceName(p.Attendance),
                p.WalkIn ? "x" : null, p.CheckedInAt is { } at ? TableFile.Moment(at) : null,
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format, ["Họ và tên", "Cơ sở Đoàn", "Điểm danh", "Không đăng ký trước", "Tự điểm danh lúc"], rows, "Điểm danh",
            $"diem-danh-{activity.StartsOn:yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportIdeas(Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery] Guid? unitId = null,
        [FromQuery, AllowedValues("submitted", "accepted", "rejected", "applied")] string? status = null,
        [FromQuery] bool duplicatesOnly = false, [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null)
    {
        TableFile.CheckFormat(format);
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxRows; page++)
        {
            var list = (await IdeasApi.List(caller, db, clock, ct, year, unitId, status, duplicatesOnly, q, page, Paging.MaxPageSize)).Value!;
            rows.AddRange(list.Items.Select(i => new object?[]
            {
                TableFile.Neutralise(i.Title), TableFile.Neutralise(i.UnitName), TableFile.Neutralise(i.Link), IdeaStatusName(i.Status),
                i.PossibleDuplicates, TableFile.Moment(i.SubmittedAt),
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format, ["Tên ý tưởng", "Cơ sở Đoàn", "Đường dẫn", "Tình trạng", "Có thể trùng", "Ngày gửi"], rows, "Ý tưởng sáng tạo",
            $"y-tuong-sang-tao-{VietnamTime.Today(clock):yyyy-MM-dd}");
    }

    public static string StatusName(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "Dự kiến",
        ActivityStatus.Held => "Đã tổ chức",
        _ => "Đã hủy",
    };

    public static string AttendanceName(Attendance attendance) => attendance switch
    {
        Attendance.Registered => "Đã đăng ký",
        Attendance.Attended => "Có mặt",
        Attendance.Absent => "Vắng",
        _ => "Vắng có phép",
    };

    public static string IdeaStatusName(IdeaStatus status) => status switch
    {
        IdeaStatus.Submitted => "Đã gửi",
        IdeaStatus.Accepted => "Được công nhận",
        IdeaStatus.Rejected => "Không công nhận",
        _ => "Đã áp dụng",
    };
}
