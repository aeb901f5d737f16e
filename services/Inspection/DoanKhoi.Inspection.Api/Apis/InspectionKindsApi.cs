using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using DoanKhoi.Contracts.Inspection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DoanKhoi.Inspection.Apis;

/// <summary>The kinds of inspection and supervision (seed 6.4, 7), as the API writes them, with their names;
/// social critique is kept in its own register.</summary>
public static class InspectionKindsApi
{
    public static readonly IReadOnlyList<InspectionKindName> Kinds =
    [
        new("regular", "Kiểm tra thường xuyên", "Regular inspection"),
        new("thematic", "Kiểm tra chuyên đề", "Thematic inspection"),
        new("unscheduled", "Kiểm tra đột xuất", "Unscheduled inspection"),
        new("onSignsOfViolation", "Kiểm tra khi có dấu hiệu vi phạm", "Inspection on signs of violation"),
        new("supervision", "Giám sát", "Supervision"),
        new("socialCritique", "Phản biện xã hội", "Social critique"),
    ];

    public static IEndpointRouteBuilder MapInspectionKindsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kinds", ListKinds).WithTags("Inspection kinds").RequireAuthorization(DoanKhoi.Security.Policies.Read).WithSummary("The kinds of inspection and supervision")
            .WithMaxItems(Kinds.Count);
        return app;
    }

    public static Ok<IReadOnlyList<InspectionKindName>> ListKinds() => TypedResults.Ok(Kinds);

    /// <summary>The Vietnamese name of a kind, as <see cref="Kinds"/> gives it.</summary>
    public static string NameOf(InspectionKind kind)
    {
        var id = JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
        return Kinds.FirstOrDefault(k => k.Id == id)?.Name ?? id;
    }
}

public sealed record InspectionKindName(
    [property: StringLength(InspectionKindName.IdMaxLength)] string Id,
    [property: StringLength(InspectionKindName.NameMaxLength)] string Name,
    [property: StringLength(InspectionKindName.NameMaxLength)] string EnglishName)
{
    public const int IdMaxLength = 50;
    public const int NameMaxLength = 200;
}
