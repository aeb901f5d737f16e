using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DoanKhoi.Activities.Apis;

/// <summary>The movements (phong trào) of the programme, section V of the seed.</summary>
public static class MovementsApi
{
    public static readonly IReadOnlyList<Movement> Movements =
    [
        new("volunteer-youth", "Thanh niên tình nguyện", "Volunteer Youth"),
        new("creative-youth", "Tuổi trẻ sáng tạo", "Creative Youth"),
        new("defending-fatherland", "Tuổi trẻ xung kích bảo vệ Tổ quốc", "Youth Defending the Fatherland"),
        new("accompanying-youth", "Đồng hành với thanh niên", "Accompanying youth: study, careers, skills"),
        new("for-the-children", "Vì đàn em thân yêu", "Children's care"),
        new("political-education", "Giáo dục chính trị tư tưởng", "Political education"),
        new("international", "Công tác quốc tế", "International work"),
    ];

    public static IEndpointRouteBuilder MapMovementsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/movements", ListMovements).WithTags("Movements").RequireAuthorization(DoanKhoi.Security.Policies.Read).WithSummary("The movements activities belong to")
            .WithMaxItems(Movements.Count);
        return app;
    }

    public static Ok<IReadOnlyList<Movement>> ListMovements() => TypedResults.Ok(Movements);
}

public sealed record Movement(
    [property: StringLength(Movement.IdMaxLength)] string Id,
    [property: StringLength(Movement.NameMaxLength)] string Name,
    [property: StringLength(Movement.NameMaxLength)] string EnglishName)
{
    public const int IdMaxLength = 50;
    public const int NameMaxLength = 200;
}
