using DoanKhoi.Files;
using System.ComponentModel.DataAnnotations;
using DoanKhoi.Membership.Files;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DoanKhoi.Membership.Apis;

/// <summary>The statistics and the movements as files (.xlsx or .csv), with the same filters and the same
/// figures as their JSON: what the bloc office sends up the line (counts only, no person in them); and the
/// list of who turns 30, for the units to prepare their maturing (names, dates, posts: no personal data).</summary>
public static class StatisticsFilesApi
{
    public static IEndpointRouteBuilder MapStatisticsFilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/members").WithTags("Member statistics").RequireAuthorization(Policies.Read);
        group.MapGet("/statistics/export", ExportStatistics)
            .WithSummary("The statistics (the same groupings and filters as GET /members/statistics) as .xlsx or .csv: a row per group, the total last")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        group.MapGet("/movements/export", ExportMovements)
            .WithSummary("The movements of a period (as GET /members/movements) as .xlsx or .csv: a row per unit or cluster, the total last")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        group.MapGet("/maturing/export", ExportMaturing)
            .WithSummary($"Who turns 30 by a day (as GET /members/maturing, every page, at most {MaxMaturing:N0}) as .xlsx or .csv, the oldest first")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        return app;
    }

    /// <summary>The most members one maturing export lists: a bloc's year has a few hundred.</summary>
    public const int MaxMaturing = 10_000;

    private static readonly string[] MaturingHeaders =
        ["Họ và tên", "Ngày sinh", "Quá 30 tuổi từ", "Đơn vị", "Chức vụ", "Hết nhiệm kỳ", "Có thể trưởng thành từ"];

    public static async Task<FileContentHttpResult> ExportMaturing(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx", [FromQuery] DateOnly? by = null, [FromQuery] Guid? unitId = null)
    {
        TableFile.CheckFormat(format);
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxMaturing; page++)
        {
            var list = (await MemberStatisticsApi.GetMaturing(caller, db, clock, ct, by, unitId, page, Paging.MaxPageSize)).Value!;
            rows.AddRange(list.Items.Select(m => new object?[]
            {
                TableFile.Neutralise(m.FullName), TableFile.Date(m.DateOfBirth), TableFile.Date(m.MaturesOn), TableFile.Neutralise(m.UnitName),
                MemberExport.PostName(m.Post), m.PostEndsOn is { } ends ? TableFile.Date(ends) : null,
                m.MayMatureFrom is { } from ? TableFile.Date(from) : null,
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        var until = by ?? VietnamTime.Today(clock).AddMonths(6);
        return TableFile.Result(format, MaturingHeaders, rows.Take(MaxMaturing).ToList(), "Sắp trưởng thành Đoàn", $"sap-truong-thanh-doan-den-{until:yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportStatistics(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery, AllowedValues("cluster", "unit", "gender", "ethnicity", "ageBand", "partyStatus")] string? groupBy = null,
        [FromQuery] Guid? unitId = null, [FromQuery] Guid? branchId = null, [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("current", "active", "inTransfer", "matured", "left", "all")] string? status = null,
        [FromQuery, AllowedValues("male", "female")] string? gender = null,
        [FromQuery, AllowedValues("none", "recommended", "partyMember")] string? partyStatus = null,
        [FromQuery] DateOnly? on = null)
    {
        TableFile.CheckFormat(format);
        var statistics = (await MemberStatisticsApi.GetStatistics(caller, db, clock, ct, groupBy, unitId, branchId, clusterId, status, gender, partyStatus, on)).Value!;
        var (headers, rows) = StatisticsExport.Of(statistics);
        return TableFile.Result(format, headers, rows, "Thống kê đoàn viên", $"thong-ke-doan-vien-{VietnameseText.Fold(StatisticsExport.GroupHeader(statistics.GroupBy)).Replace(' ', '-')}-{statistics.On:yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportMovements(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, AllowedValues("cluster", "unit")] string? groupBy = null, [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null)
    {
        TableFile.CheckFormat(format);
        var movements = (await MemberStatisticsApi.GetMovements(caller, db, clock, ct, from, to, groupBy, clusterId, unitId)).Value!;
        var (headers, rows) = StatisticsExport.Of(movements);
        return TableFile.Result(format, headers, rows, "Biến động đoàn viên", $"bien-dong-doan-vien-{movements.From:yyyy-MM-dd}-{movements.To:yyyy-MM-dd}");
    }
}
