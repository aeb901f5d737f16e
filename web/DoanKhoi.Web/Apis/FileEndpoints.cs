using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace DoanKhoi.Web.Apis;

/// <summary>The files the APIs make (exports, the import template), fetched with the person's token and
/// streamed to their browser as a download: the browser shows its progress, and a large export never
/// sits in the portal's memory. Only these paths: the portal is no open door to the APIs.</summary>
public static class FileEndpoints
{
    private static readonly string[] MembershipFiles =
    [
        "members/export", "members/import-template", "members/statistics/export", "members/movements/export", "members/maturing/export",
        "units/export", "transfers/export", "audit/export",
    ];

    private static readonly string[] IdentityFiles = ["accounts/export", "audit/export"];

    private static readonly string[] InspectionFiles = ["inspections/export", "recommendations/export", "social-critiques/export", "audit/export"];

    private static readonly string[] ActivitiesFiles = ["activities/export", "ideas/export", "audit/export"];

    private static readonly string[] ReportingFiles = ["scoreboard/export", "board/export", "board/clusters/export", "board/units/export"];

    /// <summary>Membership's files at <c>/files/&lt;path&gt;</c>, another service's at <c>/files/&lt;service&gt;/&lt;path&gt;</c>.</summary>
    public static IEndpointRouteBuilder MapFileEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var path in MembershipFiles)
            app.MapGet($"/files/{path}", (HttpContext http, MembershipClient membership) => StreamAsync(http, membership, path)).RequireAuthorization();
        foreach (var path in IdentityFiles)
            app.MapGet($"/files/identity/{path}", (HttpContext http, IdentityClient identity) => StreamAsync(http, identity, path)).RequireAuthorization();
        foreach (var path in InspectionFiles)
            app.MapGet($"/files/inspection/{path}", (HttpContext http, InspectionClient inspection) => StreamAsync(http, inspection, path)).RequireAuthorization();
        foreach (var path in ActivitiesFiles)
            app.MapGet($"/files/activities/{path}", (HttpContext http, ActivitiesClient activities) => StreamAsync(http, activities, path)).RequireAuthorization();
        app.MapGet("/files/activities/activities/{id:guid}/participants/export",
            (HttpContext http, Guid id, ActivitiesClient activities) => StreamAsync(http, activities, $"activities/{id}/participants/export")).RequireAuthorization();
        app.MapGet("/files/activities/activities/{id:guid}/evidence/{fileId:guid}",
            (HttpContext http, Guid id, Guid fileId, ActivitiesClient activities) => StreamAsync(http, activities, $"activities/{id}/evidence/{fileId}")).RequireAuthorization();
        app.MapGet("/files/inspection/inspections/{id:guid}/findings/{findingId:guid}/files/{fileId:guid}",
            (HttpContext http, Guid id, Guid findingId, Guid fileId, InspectionClient inspection) =>
                StreamAsync(http, inspection, $"inspections/{id}/findings/{findingId}/files/{fileId}")).RequireAuthorization();
        app.MapGet("/files/inspection/recommendations/{id:guid}/files/{fileId:guid}",
            (HttpContext http, Guid id, Guid fileId, InspectionClient inspection) => StreamAsync(http, inspection, $"recommendations/{id}/files/{fileId}")).RequireAuthorization();
        foreach (var path in ReportingFiles)
            app.MapGet($"/files/reporting/{path}", (HttpContext http, ReportingClient reporting) => StreamAsync(http, reporting, path)).RequireAuthorization();
        app.MapGet("/files/reporting/reports/{year:int}/calendar/export",
            (HttpContext http, int year, ReportingClient reporting) => StreamAsync(http, reporting, $"reports/{year}/calendar/export")).RequireAuthorization();
        app.MapGet("/files/reporting/reports/{year:int}/annual-workbook",
            (HttpContext http, int year, ReportingClient reporting) => StreamAsync(http, reporting, $"reports/{year}/annual-workbook")).RequireAuthorization();
        app.MapGet("/files/reporting/board/measures/{code}/{list:regex(^(records|missing)$)}/export",
            (HttpContext http, string code, string list, ReportingClient reporting) =>
                StreamAsync(http, reporting, $"board/measures/{Uri.EscapeDataString(code)}/{list}/export")).RequireAuthorization();
        app.MapGet("/files/reporting/reports/attachments/{id:guid}",
            (HttpContext http, Guid id, ReportingClient reporting) => StreamAsync(http, reporting, $"reports/attachments/{id}")).RequireAuthorization();
        return app;
    }

    private static async Task StreamAsync(HttpContext http, GatewayClient service, string path)
    {
        try
        {
            using var response = await service.FileAsync(path + http.Request.QueryString, http.RequestAborted);
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            if (response.Content.Headers.ContentDisposition is { } disposition) http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
            if (response.Content.Headers.ContentLength is { } length) http.Response.ContentLength = length;
            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        catch (ApiProblem problem) when (problem.Status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }
        catch (ApiProblem problem)
        {
            // A download that cannot be made says why, in a page the person can read.
            http.Response.StatusCode = problem.Status;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync($"""
                <!doctype html><html lang="vi"><meta charset="utf-8"><title>Không tải được tệp - DoanKhoi</title>
                <p>{System.Net.WebUtility.HtmlEncode(problem.Message)}</p><p><a href="javascript:history.back()">Quay lại</a></p></html>
                """);
        }
    }
}
