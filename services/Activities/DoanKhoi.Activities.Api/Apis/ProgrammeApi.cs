using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DoanKhoi.Activities.Apis;

/// <summary>The year's programme: the vocabulary activities are recorded in (movements, kinds and the
/// quantities each records, flags), the bloc's big activities and the recurring duties.</summary>
public static class ProgrammeApi
{
    public const int MaxMovements = 20;

    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/programme", GetProgramme).WithTags("Programme").RequireAuthorization(Policies.Read)
            .WithSummary("The programme of a year (the latest one written, for a year without its own): movements, kinds, quantities, flags, big activities, duties");
        app.MapGet("/movements", ListMovements).WithTags("Programme").RequireAuthorization(Policies.Read)
            .WithSummary("The movements (phong trào) of a year's programme").WithMaxItems(MaxMovements);
        return app;
    }

    public static Ok<ProgrammeYear> GetProgramme(ProgrammeCatalogue catalogue, TimeProvider clock, [FromQuery, Range(2000, 2100)] int? year = null) =>
        TypedResults.Ok(catalogue.For(year ?? VietnamTime.Today(clock).Year));

    public static Ok<List<MovementSummary>> ListMovements(ProgrammeCatalogue catalogue, TimeProvider clock, [FromQuery, Range(2000, 2100)] int? year = null) =>
        TypedResults.Ok(catalogue.For(year ?? VietnamTime.Today(clock).Year).Movements.Select(m => new MovementSummary(m.Code, m.Name, m.EnglishName)).ToList());
}

public sealed record MovementSummary(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string EnglishName);
