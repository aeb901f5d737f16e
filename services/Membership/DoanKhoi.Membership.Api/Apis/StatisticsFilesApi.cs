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
/// figures as their JSON: what the bloc office sends up the line. Counts only, no person in them.</summary>
public static class StatisticsFilesApi
{
    public static IEndpointRouteBuilder MapStatisticsFilesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/members").WithTags("Member statistics").RequireAuthorization(Policies.Read);
        group.MapGet("/statistics/export", ExportStatistics)
            .WithSummary("The statistics (the same groupings and filters as GET /members/statistics) as .xlsx or .csv: a row per group, the total last")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetFile.XlsxContentType, additionalContentTypes: [SpreadsheetFile.CsvContentType]);
        group.MapGet("/movements/export", ExportMovements)
            .WithSummary("The movements of a period (as GET /members/movements) as .xlsx or .csv: a row per unit or cluster, the total last")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetFile.XlsxContentType, additionalContentTypes: [SpreadsheetFile.CsvContentType]);
        return app;
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
        CheckFormat(format);
        var statistics = (await MemberStatisticsApi.GetStatistics(caller, db, clock, ct, groupBy, unitId, branchId, clusterId, status, gender, partyStatus, on)).Value!;
        var (headers, rows) = StatisticsExport.Of(statistics);
        return File(format, headers, rows, "Thống kê đoàn viên", $"thong-ke-doan-vien-{VietnameseText.Fold(StatisticsExport.GroupHeader(statistics.GroupBy)).Replace(' ', '-')}-{statistics.On:yyyy-MM-dd}");
    }

    public static async Task<FileContentHttpResult> ExportMovements(Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, AllowedValues("cluster", "unit")] string? groupBy = null, [FromQuery] Guid? clusterId = null, [FromQuery] Guid? unitId = null)
    {
        CheckFormat(format);
        var movements = (await MemberStatisticsApi.GetMovements(caller, db, clock, ct, from, to, groupBy, clusterId, unitId)).Value!;
        var (headers, rows) = StatisticsExport.Of(movements);
        return File(format, headers, rows, "Biến động đoàn viên", $"bien-dong-doan-vien-{movements.From:yyyy-MM-dd}-{movements.To:yyyy-MM-dd}");
    }

    private static void CheckFormat(string? format)
    {
        if (format is not null && format.Trim().ToLowerInvariant() is not ("xlsx" or "csv"))
            throw new ValidationFailedException("format", $"'{format}' is not a file format: use xlsx or csv.");
    }

    private static FileContentHttpResult File(string? format, string[] headers, List<object?[]> rows, string sheet, string name) =>
        format?.Trim().Equals("csv", StringComparison.OrdinalIgnoreCase) == true
            ? TypedResults.File(StatisticsExport.Csv(headers, rows), SpreadsheetFile.CsvContentType + "; charset=utf-8", name + ".csv")
            : TypedResults.File(StatisticsExport.Xlsx(headers, rows, sheet), SpreadsheetFile.XlsxContentType, name + ".xlsx");
}
