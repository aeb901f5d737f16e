using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Programme;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

public sealed record PlanItemRequest(
    [property: Range(2000, 2100)] int? Year, [property: StringLength(30)] string? Kind,
    [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string? Topic, [property: Range(1, 4)] int? Quarter,
    [property: MaxLength(PlanItem.MaxUnits)] List<Guid>? UnitIds, [property: StringLength(PlanItem.NoteMaxLength)] string? Note);

public sealed record PlanItemView(
    Guid Id, int Year, InspectionKind Kind, [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string Topic, int Quarter,
    [property: MaxLength(PlanItem.MaxUnits)] IReadOnlyList<Guid> UnitIds, [property: StringLength(PlanItem.NoteMaxLength)] string? Note, bool Dropped,
    bool CountsForK14, int Inspections, int Concluded, int Version);

/// <summary>The year's inspection programme against K14: what it plans, and what was done of it.</summary>
/// <param name="PlannedForK14">Thematic inspections and supervisions the programme plans (not dropped).</param>
/// <param name="ConcludedForK14">Thematic inspections and supervisions concluded in the year, planned or not: what K14 counts.</param>
/// <param name="SocialCritiqueSent">Social-critique items whose opinions were sent in the year: K14's second measure.</param>
public sealed record ProgrammeView(
    int Year, [property: MaxLength(ProgrammeApi.MaxItems)] IReadOnlyList<PlanItemView> Items, int PlannedForK14, int ConcludedForK14, int SocialCritiqueSent);

/// <summary>The inspection committee's programme for a year (chương trình kiểm tra, giám sát): its lines
/// by kind, topic and quarter, with the inspections that carry each out, read against K14.</summary>
public static class ProgrammeApi
{
    public const int MaxItems = 200;

    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var programme = app.MapGroup("/programme").WithTags("Inspection programme").RequireAuthorization(Policies.Read);
        programme.MapGet("/", Get).WithSummary("The year's inspection programme with what was carried out, against K14 (the bloc's posts)");
        programme.MapPost("/", Add).RequireAuthorization(Policies.Write).WithSummary("Add a line to a year's programme (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The programme holds its most lines already.");
        programme.MapPut("/{id:guid}", Correct).RequireAuthorization(Policies.Write).WithSummary("Correct a line of the programme (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The line was dropped.");
        programme.MapDelete("/{id:guid}", Drop).RequireAuthorization(Policies.Write).WithSummary("Drop a line from the programme; it stays on the record, dropped")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The line was dropped already.");
        return app;
    }

    public static async Task<Ok<ProgrammeView>> Get(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null)
    {
        caller.EnsureReadsBlocRegisters();
        var y = year ?? VietnamTime.Today(clock).Year;
        var items = await db.PlanItems.AsNoTracking().Where(p => p.Year == y).OrderBy(p => p.Quarter).ThenBy(p => p.Topic).ToListAsync(ct);
        var carried = await db.Inspections.AsNoTracking().Where(i => i.PlanItemId != null && i.Year == y && i.Status != InspectionStatus.Cancelled)
            .GroupBy(i => i.PlanItemId!.Value).Select(g => new { Id = g.Key, All = g.Count(), Concluded = g.Count(i => i.Status == InspectionStatus.Concluded) })
            .ToDictionaryAsync(x => x.Id, ct);
        var concluded = await db.Inspections.AsNoTracking().CountAsync(i => i.Status == InspectionStatus.Concluded && i.ConcludedOn != null
            && i.ConcludedOn.Value.Year == y && (i.Kind == InspectionKind.Thematic || i.Kind == InspectionKind.Supervision), ct);
        var critiques = await db.SocialCritiques.AsNoTracking().CountAsync(s => !s.Withdrawn && s.OpinionsSentOn != null && s.Year == y, ct);
        return TypedResults.Ok(new ProgrammeView(y, items.Select(p => ViewOf(p, carried.GetValueOrDefault(p.Id)?.All ?? 0, carried.GetValueOrDefault(p.Id)?.Concluded ?? 0))
            .ToList(), items.Count(p => !p.Dropped && p.CountsForK14), concluded, critiques));
    }

    public static async Task<Created<PlanItemView>> Add(PlanItemRequest request, Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureInspects();
        var errors = new FieldErrors();
        var kind = Words.Read<InspectionKind>(errors, request.Kind, "kind");
        if (request.Year is not (>= 2000 and <= 2100)) errors.Add("year", "The year is between 2000 and 2100.");
        await CheckUnitsAsync(db, request.UnitIds, errors, ct);
        var item = errors.Check(() => PlanItem.Plan(request.Year ?? 0, kind, request.Topic,
            request.Quarter, request.UnitIds, request.Note, clock.GetUtcNow()));
        errors.ThrowIfAny();
        if (await db.PlanItems.CountAsync(p => p.Year == item!.Year, ct) >= MaxItems)
            throw new DomainRuleException($"A year's programme holds at most {MaxItems} lines.");
        db.PlanItems.Add(item!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/programme?year={item!.Year}", ViewOf(item, 0, 0));
    }

    public static async Task<Ok<PlanItemView>> Correct(Guid id, PlanItemRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var item = await db.PlanItems.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("programme line", id);
        caller.EnsureInspects();
        var errors = new FieldErrors();
        var kind = Words.Read<InspectionKind>(errors, request.Kind, "kind");
        await CheckUnitsAsync(db, request.UnitIds, errors, ct);
        errors.Check(() =>
        {
            item.Correct(kind, request.Topic, request.Quarter, request.UnitIds,
                request.Note, clock.GetUtcNow());
            return true;
        });
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, item, ct));
    }

    public static async Task<Ok<PlanItemView>> Drop(Guid id, Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.PlanItems.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("programme line", id);
        caller.EnsureInspects();
        item.Drop(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, item, ct));
    }

    private static async Task CheckUnitsAsync(InspectionDbContext db, IReadOnlyList<Guid>? unitIds, FieldErrors errors, CancellationToken ct)
    {
        var ids = unitIds ?? [];
        if (ids.Count == 0 || ids.Count > PlanItem.MaxUnits) return;
        var known = await db.Units.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
            if (!known.Contains(ids[i])) errors.Add($"unitIds[{i}]", $"There is no unit with id '{ids[i]}'.");
    }

    private static async Task<PlanItemView> ViewAsync(InspectionDbContext db, PlanItem item, CancellationToken ct)
    {
        var carried = await db.Inspections.AsNoTracking().Where(i => i.PlanItemId == item.Id && i.Status != InspectionStatus.Cancelled)
            .Select(i => i.Status).ToListAsync(ct);
        return ViewOf(item, carried.Count, carried.Count(s => s == InspectionStatus.Concluded));
    }

    private static PlanItemView ViewOf(PlanItem p, int inspections, int concluded) =>
        new(p.Id, p.Year, p.Kind, p.Topic, p.Quarter, p.UnitIds, p.Note, p.Dropped, p.CountsForK14, inspections, concluded, p.Version);
}
