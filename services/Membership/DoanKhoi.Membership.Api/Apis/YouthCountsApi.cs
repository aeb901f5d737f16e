using System.ComponentModel.DataAnnotations;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>The non-member youths (thanh niên) a unit reaches, counted as of a day: K01 and K10 count
/// youths as well as members.</summary>
public static class YouthCountsApi
{
    public static IEndpointRouteBuilder MapYouthCountsApi(this IEndpointRouteBuilder app)
    {
        var counts = app.MapGroup("/units/{unitId:guid}/youth-counts").WithTags("Youths");
        counts.MapPost("/", RecordCount).RequireAuthorization(Policies.Write)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The unit is closed.")
            .WithSummary("Record how many non-member youths the unit reaches as of a day; the same day again corrects it (the unit's secretary or the bloc office)");
        counts.MapGet("/", ListCounts).RequireAuthorization(Policies.Read).WithSummary("A unit's youth counts, the latest day first");
        return app;
    }

    public static async Task<Ok<YouthCountResponse>> RecordCount(Guid unitId, YouthCountRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var unit = await db.Units.ReachableAsync(caller, db, unitId, ct);
        caller.EnsureKeepsMembersOf(unit, "record the youths it reaches");
        var today = VietnamTime.Today(clock);
        var errors = new FieldErrors();
        if (request.CountedOn is not { } countedOn) errors.Add("countedOn", "The day the youths were counted is required.");
        else if (countedOn > today) errors.Add("countedOn", $"A count is of today or earlier, not of {countedOn:dd/MM/yyyy}.");
        if (request.Youths is null) errors.Add("youths", "The number of youths is required.");
        errors.ThrowIfAny();
        var sameDay = await db.YouthCounts.FirstOrDefaultAsync(c => c.UnitId == unit.Id && c.CountedOn == request.CountedOn, ct);
        var (count, changed) = YouthCount.Record(unit, sameDay, request.CountedOn!.Value, request.Youths!.Value, request.Note,
            new Decision(request.CountedOn.Value, caller.AuditName, clock.GetUtcNow()));
        if (changed)
        {
            if (sameDay is null) db.YouthCounts.Add(count);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(YouthCountResponse.From(count));
    }

    public static async Task<Ok<PagedList<YouthCountResponse>>> ListCounts(Guid unitId, Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        var unit = await db.Units.ReachableAsync(caller, db, unitId, ct);
        var query = db.YouthCounts.AsNoTracking().Where(c => c.UnitId == unit.Id);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.CountedOn).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<YouthCountResponse>(rows.Select(YouthCountResponse.From).ToList(), total, page, pageSize));
    }
}

public sealed record YouthCountRequest(DateOnly? CountedOn, [property: Range(0, YouthCount.MaxYouths)] int? Youths,
    [property: StringLength(YouthCount.MaxNoteLength)] string? Note);

public sealed record YouthCountResponse(Guid UnitId, DateOnly CountedOn, [property: Range(0, YouthCount.MaxYouths)] int Youths,
    [property: StringLength(YouthCount.MaxNoteLength)] string? Note, [property: StringLength(MemberLimits.Actor)] string RecordedBy,
    DateTimeOffset RecordedAt, [property: Range(1, int.MaxValue)] int Version)
{
    public static YouthCountResponse From(YouthCount c) => new(c.UnitId, c.CountedOn, c.Youths, c.Note, c.RecordedBy, c.RecordedAt, c.Version);
}
