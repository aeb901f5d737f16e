using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

public sealed record DecideDisciplineRequest(
    Guid? MemberId, [property: StringLength(30)] string? Measure,
    [property: StringLength(DisciplinaryDecision.DecisionNumberMaxLength)] string? DecisionNumber,
    [property: StringLength(DisciplinaryDecision.DecidedByMaxLength)] string? DecidedBy,
    DateOnly? DecidedOn, DateOnly? EffectiveOn,
    [property: StringLength(DisciplinaryDecision.ReasonMaxLength)] string? Reason,
    Guid? InspectionId, Guid? FindingId);

public sealed record AnnulRequest([property: StringLength(DisciplinaryDecision.ReasonMaxLength)] string? Reason);

public sealed record DecisionView(
    Guid Id, Guid MemberId, [property: StringLength(300)] string MemberName, Guid UnitId, DisciplinaryMeasure Measure,
    [property: StringLength(DisciplinaryDecision.DecisionNumberMaxLength)] string DecisionNumber,
    [property: StringLength(DisciplinaryDecision.DecidedByMaxLength)] string DecidedBy, DateOnly DecidedOn, DateOnly EffectiveOn,
    [property: StringLength(DisciplinaryDecision.ReasonMaxLength)] string Reason, Guid? InspectionId, bool Annulled,
    [property: StringLength(DisciplinaryDecision.ReasonMaxLength)] string? AnnulReason, DateTimeOffset RecordedAt, int Version)
{
    public static DecisionView Of(DisciplinaryDecision d) => new(d.Id, d.MemberId, d.MemberName, d.UnitId, d.Measure, d.DecisionNumber, d.DecidedBy,
        d.DecidedOn, d.EffectiveOn, d.Reason, d.InspectionId, d.Annulled, d.AnnulReason, d.RecordedAt, d.Version);
}

/// <summary>Disciplinary measures (kỷ luật) on members and cadres, decided by the competent level and
/// recorded by the inspection committee; membership records them on the member through an event. A
/// decision is about a person: reading it is on the record, and a member sees those about themselves.</summary>
public static class DisciplineApi
{
    public static IEndpointRouteBuilder MapDisciplineApi(this IEndpointRouteBuilder app)
    {
        var decisions = app.MapGroup("/discipline").WithTags("Discipline").RequireAuthorization(Policies.Read);
        decisions.MapGet("/", List).WithSummary("The disciplinary decisions the caller sees (a member: those about themselves), newest first, by member or unit");
        decisions.MapGet("/{id:guid}", Get).WithName("GetDisciplinaryDecision").WithSummary("A disciplinary decision (its read is on the record)");
        decisions.MapPost("/", Decide).RequireAuthorization(Policies.Write)
            .WithSummary("Record a disciplinary measure decided on a member or cadre (the inspection committee); membership records it on the member");
        decisions.MapPost("/{id:guid}/annul", Annul).RequireAuthorization(Policies.Write).WithSummary("Record that a decision was annulled (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The decision is annulled already.");
        return app;
    }

    public static async Task<Ok<PagedList<DecisionView>>> List(Caller caller, InspectionDbContext db, AuditActor actor, TimeProvider clock, CancellationToken ct,
        [FromQuery] Guid? memberId = null, [FromQuery] Guid? unitId = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        var query = db.Decisions.AsNoTracking();
        var units = await caller.UnitsSeenAsync(db, ct);
        var own = caller.NodesOf(NodeKind.Member).ToArray();
        if (units is not null) query = query.Where(d => units.Contains(d.UnitId) || own.Contains(d.MemberId));
        if (memberId is { } m) query = query.Where(d => d.MemberId == m);
        if (unitId is { } u) query = query.Where(d => d.UnitId == u);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.DecidedOn).ThenBy(d => d.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        if (rows.Count > 0)
        {
            db.RecordPersonalDataAccess(actor, AuditAction.ReadPersonalData, "DisciplinaryDecisionList", memberId?.ToString() ?? unitId?.ToString() ?? "all",
                unitId, new { decisions = rows.Select(d => d.Id) }, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(new PagedList<DecisionView>(rows.Select(DecisionView.Of).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<DecisionView>> Get(Guid id, Caller caller, InspectionDbContext db, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var decision = await ReachableAsync(db, caller, id, ct);
        db.RecordPersonalDataAccess(actor, AuditAction.ReadPersonalData, nameof(DisciplinaryDecision), decision.Id.ToString(), decision.UnitId,
            new { decision = decision.Id, member = decision.MemberId }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DecisionView.Of(decision));
    }

    public static async Task<CreatedAtRoute<DecisionView>> Decide(DecideDisciplineRequest request, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        caller.EnsureInspects();
        var errors = new FieldErrors();
        var measure = Words.Read<DisciplinaryMeasure>(errors, request.Measure, "measure");
        if (request.MemberId is not { } memberId || memberId == Guid.Empty) errors.Add("memberId", "Say whom the measure is on: the member's id.");
        errors.ThrowIfAny();
        var member = await db.ResolveSubjectAsync(SubjectKind.Person, request.MemberId!.Value, "memberId", ct);
        Domain.Inspections.Inspection? inspection = null;
        if (request.InspectionId is { } inspectionId)
            inspection = await db.Inspections.AsNoTracking().Include(i => i.Findings).FirstOrDefaultAsync(i => i.Id == inspectionId, ct)
                         ?? throw new ValidationFailedException("inspectionId", $"There is no inspection with id '{inspectionId}'.");
        var decision = DisciplinaryDecision.Decide(member,
            measure, request.DecisionNumber, request.DecidedBy,
            request.DecidedOn, request.EffectiveOn, request.Reason, inspection, request.FindingId, caller.AuditName, VietnamTime.Today(clock), clock.GetUtcNow());
        db.Decisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(DecisionView.Of(decision), "GetDisciplinaryDecision", new { id = decision.Id });
    }

    public static async Task<Ok<DecisionView>> Annul(Guid id, AnnulRequest request, Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var decision = await ReachableAsync(db, caller, id, ct, tracked: true);
        caller.EnsureInspects();
        decision.Annul(request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DecisionView.Of(decision));
    }

    private static async Task<DisciplinaryDecision> ReachableAsync(InspectionDbContext db, Caller caller, Guid id, CancellationToken ct, bool tracked = false)
    {
        var decision = await (tracked ? db.Decisions : db.Decisions.AsNoTracking()).FirstOrDefaultAsync(d => d.Id == id, ct)
                       ?? throw new NotFoundException("disciplinary decision", id);
        return await caller.SeesAsync(decision, db, ct) ? decision : throw new OutOfReachException("disciplinary decision", id);
    }
}
