using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Messaging.Audit;

/// <summary>The service's audit trail for the bloc office: by unit, by person, by entity, by period.
/// Read only: there is no endpoint that edits or deletes an entry, and the database refuses it anyway.</summary>
public static class AuditApi
{
    public const int MaxPageSize = 500;

    /// <summary>The most entries one export holds: a busy month of the bloc; narrow the period for more.</summary>
    public const int MaxExported = 50_000;

    public static IEndpointRouteBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app) where TContext : DbContext
    {
        app.MapGet("/audit", AuditQuery<TContext>.ListAsync).WithTags("Audit trail").RequireAuthorization(Policies.BlocOffice)
            .WithSummary("The record of changes and security events, newest first (bloc office)");
        app.MapGet("/audit/export", AuditQuery<TContext>.ExportAsync).WithTags("Audit trail").RequireAuthorization(Policies.BlocOffice)
            .WithSummary($"The record (the same filters as GET /audit, newest first, at most {MaxExported:N0} entries) as .xlsx or .csv (bloc office)")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        return app;
    }

}

/// <summary>The query behind <c>GET /audit</c> over one service's <typeparamref name="TContext"/>.</summary>
public static class AuditQuery<TContext> where TContext : DbContext
{
    // The context comes from the request's services: ASP.NET Core's route analyzer cannot read a
    // handler parameter of a generic type.
    public static async Task<Ok<AuditPage>> ListAsync(
        HttpContext http, CancellationToken ct,
        [FromQuery] Guid? unitId = null,
        [FromQuery, StringLength(AuditEntry.ActorMaxLength)] string? person = null,
        [FromQuery, StringLength(AuditEntry.EntityTypeMaxLength)] string? entityType = null,
        [FromQuery, StringLength(AuditEntry.EntityIdMaxLength)] string? entityId = null,
        [FromQuery, AllowedValues("created", "updated", "deleted", "signedIn", "signInFailed", "lockedOut", "refused", "readPersonalData", "exportedPersonalData")] string? action = null,
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, AuditApi.MaxPageSize)] int pageSize = 100)
    {
        var query = Filter(http, unitId, person, entityType, entityId, action, from, to, errors => Paging.Check(errors, page, pageSize, AuditApi.MaxPageSize));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(rows.Select(AuditView.From).ToList(), total, page, pageSize));
    }

    private static readonly string[] Headers =
        ["Thời điểm", "Người thực hiện", "Thay mặt", "Đơn vị (mã)", "Loại bản ghi", "Mã bản ghi", "Hành động", "Trước", "Sau", "Mã truy vết"];

    public static async Task<FileContentHttpResult> ExportAsync(
        HttpContext http, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] Guid? unitId = null,
        [FromQuery, StringLength(AuditEntry.ActorMaxLength)] string? person = null,
        [FromQuery, StringLength(AuditEntry.EntityTypeMaxLength)] string? entityType = null,
        [FromQuery, StringLength(AuditEntry.EntityIdMaxLength)] string? entityId = null,
        [FromQuery, AllowedValues("created", "updated", "deleted", "signedIn", "signInFailed", "lockedOut", "refused", "readPersonalData", "exportedPersonalData")] string? action = null,
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null)
    {
        var query = Filter(http, unitId, person, entityType, entityId, action, from, to, _ => TableFile.CheckFormat(format));
        var entries = await query.OrderByDescending(a => a.Id).Take(AuditApi.MaxExported).ToListAsync(ct);
        var rows = entries.Select(a => new object?[]
        {
            TableFile.Moment(a.OccurredAt), TableFile.Neutralise(a.Actor), TableFile.Neutralise(a.OnBehalfOf), a.UnitId?.ToString(),
            TableFile.Neutralise(a.EntityType), TableFile.Neutralise(a.EntityId), ActionName(a.Action),
            TableFile.Neutralise(a.Before), TableFile.Neutralise(a.After), a.TraceId,
        });
        var period = (from, to) switch
        {
            ({ } f, { } t) => $"-{f:yyyy-MM-dd}-{t:yyyy-MM-dd}",
            ({ } f, null) => $"-tu-{f:yyyy-MM-dd}",
            (null, { } t) => $"-den-{t:yyyy-MM-dd}",
            _ => "",
        };
        return TableFile.Result(format, Headers, rows, "Nhật ký", "nhat-ky" + period);
    }

    /// <summary>An action as the bloc office reads it.</summary>
    public static string ActionName(AuditAction action) => action switch
    {
        AuditAction.Created => "Tạo",
        AuditAction.Updated => "Sửa",
        AuditAction.Deleted => "Xóa",
        AuditAction.SignedIn => "Đăng nhập",
        AuditAction.SignInFailed => "Đăng nhập sai",
        AuditAction.LockedOut => "Bị khóa tạm",
        AuditAction.Refused => "Bị từ chối",
        AuditAction.ReadPersonalData => "Xem dữ liệu cá nhân",
        AuditAction.ExportedPersonalData => "Xuất dữ liệu cá nhân",
        _ => action.ToString(),
    };

    /// <summary>The entries the filters ask for, or 400 with every field that is wrong (<paramref name="check"/> adds the caller's own).</summary>
    private static IQueryable<AuditEntry> Filter(HttpContext http, Guid? unitId, string? person, string? entityType, string? entityId, string? action,
        DateOnly? from, DateOnly? to, Action<FieldErrors> check)
    {
        var errors = new FieldErrors();
        errors.CheckLength("person", person, AuditEntry.ActorMaxLength);
        errors.CheckLength("entityType", entityType, AuditEntry.EntityTypeMaxLength);
        errors.CheckLength("entityId", entityId, AuditEntry.EntityIdMaxLength);
        AuditAction? actionFilter = null;
        if (action is not null)
        {
            if (Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(action, out _)) actionFilter = parsed;
            else errors.Add("action", $"'{action}' is not an action: use one of {string.Join(", ", Enum.GetNames<AuditAction>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
        }
        if (from is not null && to is not null && from > to) errors.Add("to", "The period ends before it starts.");
        check(errors);
        errors.ThrowIfAny();

        var db = http.RequestServices.GetRequiredService<TContext>();
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (unitId is { } unit) query = query.Where(a => a.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(person)) query = query.Where(a => a.Actor == person.Trim());
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType.Trim());
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(a => a.EntityId == entityId.Trim());
        if (actionFilter is { } act) query = query.Where(a => a.Action == act);
        // Days are days in Vietnam: "from 1 March" starts at midnight in Hà Nội.
        if (from is { } start) { var since = StartOf(start); query = query.Where(a => a.OccurredAt >= since); }
        if (to is { } end) { var until = StartOf(end.AddDays(1)); query = query.Where(a => a.OccurredAt < until); }
        return query;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed record AuditPage(
    [property: MaxLength(AuditApi.MaxPageSize)] IReadOnlyList<AuditView> Items,
    [property: Range(0, int.MaxValue)] int Total,
    [property: Range(1, Paging.MaxPage)] int Page,
    [property: Range(1, AuditApi.MaxPageSize)] int PageSize);

public sealed record AuditView(
    [property: Range(typeof(long), "1", "9223372036854775807", ParseLimitsInInvariantCulture = true)] long Id,
    DateTimeOffset OccurredAt,
    [property: StringLength(AuditEntry.ActorMaxLength)] string Actor,
    [property: StringLength(AuditEntry.OnBehalfOfMaxLength)] string? OnBehalfOf,
    Guid? UnitId,
    [property: StringLength(AuditEntry.EntityTypeMaxLength)] string EntityType,
    [property: StringLength(AuditEntry.EntityIdMaxLength)] string EntityId,
    AuditAction Action,
    JsonElement? Before,
    JsonElement? After,
    [property: StringLength(AuditEntry.TraceIdLength)] string? TraceId)
{
    public static AuditView From(AuditEntry a) => new(a.Id, a.OccurredAt, a.Actor, a.OnBehalfOf, a.UnitId, a.EntityType, a.EntityId,
        a.Action, Parse(a.Before), Parse(a.After), a.TraceId);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
