using System.Text.Json;

namespace DoanKhoi.Web.Clients;

public sealed record AuditPage(IReadOnlyList<AuditView> Items, int Total, int Page, int PageSize);

public sealed record AuditView(long Id, DateTimeOffset OccurredAt, string Actor, string? OnBehalfOf, Guid? UnitId, string EntityType, string EntityId,
    string Action, JsonElement? Before, JsonElement? After, string? TraceId);

/// <summary>The audit trail's filters, as every service's <c>GET /audit</c> takes them.</summary>
public sealed record AuditQuery
{
    public string? Person { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Action { get; init; }
    public Guid? UnitId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}
