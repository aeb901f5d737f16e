using System.ComponentModel.DataAnnotations;
using DoanKhoi.Activities.Domain.Programme;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
        app.MapGet("/calendar", GetCalendar).WithTags("Programme").RequireAuthorization(Policies.Read)
            .WithSummary("The year's calendar against what was held: each big activity, and each recurring duty for the bloc, clusters and units the caller reaches, met, pending or missed");
        return app;
    }

    public static async Task<Ok<CalendarView>> GetCalendar(Caller caller, ActivitiesDbContext db, ProgrammeCatalogue catalogue, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null)
    {
        var today = VietnamTime.Today(clock);
        var y = year ?? today.Year;
        if (y is < 2000 or > 2100) throw new ValidationFailedException("year", "The year is between 2000 and 2100.");
        var programme = catalogue.For(y);
        var clusters = await db.Clusters.AsNoTracking().VisibleTo(caller, db).OrderBy(c => c.Code).Select(c => new DutyHolder(OrganiserLevel.Cluster, c.Id, c.Name)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().VisibleTo(caller, db).Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.NameFolded)
            .Select(u => new DutyHolder(OrganiserLevel.Unit, u.Id, u.Name)).ToListAsync(ct);
        List<DutyHolder> holders = [new(OrganiserLevel.Bloc, null, "Đoàn Khối"), .. clusters, .. units];
        var organisers = holders.Where(h => h.Id is not null).Select(h => h.Id!.Value).ToList();
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.Year == y && (a.OrganiserLevel == OrganiserLevel.Bloc || organisers.Contains(a.OrganiserId!.Value)))
            .Select(a => new ActivityFact(a.OrganiserLevel, a.OrganiserId, a.Kind, a.Status, a.StartsOn, a.BigActivity)).ToListAsync(ct);
        return TypedResults.Ok(new CalendarView(y, programme.Year, programme.Theme,
            ProgrammeProgress.BigActivities(programme, activities, today), ProgrammeProgress.Duties(programme, y, activities, holders, today)));
    }

    public static Ok<ProgrammeYear> GetProgramme(ProgrammeCatalogue catalogue, TimeProvider clock, [FromQuery, Range(2000, 2100)] int? year = null) =>
        TypedResults.Ok(catalogue.For(year ?? VietnamTime.Today(clock).Year));

    public static Ok<List<MovementSummary>> ListMovements(ProgrammeCatalogue catalogue, TimeProvider clock, [FromQuery, Range(2000, 2100)] int? year = null) =>
        TypedResults.Ok(catalogue.For(year ?? VietnamTime.Today(clock).Year).Movements.Select(m => new MovementSummary(m.Code, m.Name, m.EnglishName)).ToList());
}

/// <summary>A year's calendar: <see cref="ProgrammeYear"/> is the programme it follows (the latest written).</summary>
public sealed record CalendarView(
    [property: Range(2000, 2100)] int Year,
    [property: Range(2000, 2100)] int ProgrammeYear,
    [property: StringLength(Domain.Programme.ProgrammeYear.NameMaxLength)] string Theme,
    [property: MaxLength(100)] IReadOnlyList<BigActivityProgress> BigActivities,
    [property: MaxLength(50)] IReadOnlyList<DutyProgress> Duties);

public sealed record MovementSummary(
    [property: StringLength(ProgrammeYear.CodeMaxLength)] string Code,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string Name,
    [property: StringLength(ProgrammeYear.NameMaxLength)] string EnglishName);
