using System.Text.Json;
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

    public static IEndpointRouteBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app) where TContext : DbContext
    {
        app.MapGet("/audit", AuditQuery<TContext>.ListAsync).WithTags("Audit trail").RequireAuthorization(Policies.BlocOffice)
            .WithSummary("The record of changes and security events, newest first (bloc office)");
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
        [FromQuery] Guid? unitId = null, [FromQuery] string? person = null, [FromQuery] string? entityType = null,
        [FromQuery] string? entityId = null, [FromQuery] string? action = null,
        [FromQuery] DateOnly? from = null, [FromQuery] DateOnly? to = null,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 100)
    {
        var errors = new FieldErrors();
        AuditAction? actionFilter = null;
        if (action is not null)
        {
            if (Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(action, out _)) actionFilter = parsed;
            else errors.Add("action", $"'{action}' is not an action: use one of {string.Join(", ", Enum.GetNames<AuditAction>().Select(JsonNamingPolicy.CamelCase.ConvertName))}.");
        }
        if (from is not null && to is not null && from > to) errors.Add("to", "The period ends before it starts.");
        if (page < 1) errors.Add("page", "The page number starts at 1.");
        if (pageSize is < 1 or > AuditApi.MaxPageSize) errors.Add("pageSize", $"The page size is between 1 and {AuditApi.MaxPageSize}.");
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

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(rows.Select(AuditView.From).ToList(), total, page, pageSize));
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);

public sealed record AuditView(
    long Id, DateTimeOffset OccurredAt, string Actor, string? OnBehalfOf, Guid? UnitId, string EntityType, string EntityId,
    AuditAction Action, JsonElement? Before, JsonElement? After, string? TraceId)
{
    public static AuditView From(AuditEntry a) => new(a.Id, a.OccurredAt, a.Actor, a.OnBehalfOf, a.UnitId, a.EntityType, a.EntityId,
        a.Action, Parse(a.Before), Parse(a.After), a.TraceId);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
