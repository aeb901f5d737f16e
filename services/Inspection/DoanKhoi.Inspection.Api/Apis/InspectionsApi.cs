using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

/// <summary>Inspections and supervisions: planned with their subjects and team, started, their findings
/// recorded, concluded with their recommendations, or cancelled (the inspection committee); read by the
/// bloc's posts, and by a cluster lead or a unit's secretary for their units.</summary>
public static class InspectionsApi
{
    public const int MaxRecommendationsPerRequest = 50;
    public const int MaxRecommendationsShown = 500;

    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var inspections = app.MapGroup("/inspections").WithTags("Inspections").RequireAuthorization(Policies.Read);
        inspections.MapGet("/", List).WithSummary("The inspections and supervisions the caller sees: by year, kind, status, unit, topic without diacritics");
        inspections.MapGet("/{id:guid}", Get).WithName("GetInspection")
            .WithSummary("An inspection with its subjects, findings (those about people only for the inspection and standing committees, on the record), conclusion and recommendations");
        inspections.MapPost("/", Plan).RequireAuthorization(Policies.Write).WithSummary("Plan an inspection or supervision (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The programme line named is dropped or of another year.");
        inspections.MapPut("/{id:guid}", Correct).RequireAuthorization(Policies.Write).WithSummary("Correct an inspection's details, and its subjects while it is planned (the inspection committee)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the inspection meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is concluded or cancelled, or has started and its subjects are fixed.");
        inspections.MapPost("/{id:guid}/start", Start).RequireAuthorization(Policies.Write).WithSummary("Start a planned inspection (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not planned.");
        inspections.MapPost("/{id:guid}/conclude", Conclude).RequireAuthorization(Policies.Write)
            .WithSummary("Conclude an inspection in progress, with its recommendations, all or none (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "No finding is recorded, the inspection is not in progress, or a recommendation is due before the conclusion.");
        inspections.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.Write).WithSummary("Cancel an inspection that is not concluded, with the reason (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is concluded or cancelled.");
        inspections.MapPost("/{id:guid}/recommendations", AddRecommendations).RequireAuthorization(Policies.Write)
            .WithSummary("Add recommendations to a concluded inspection (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not concluded, or a recommendation is due before the conclusion.");
        return app;
    }

    public static async Task<Ok<PagedList<InspectionSummary>>> List(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery, Range(2000, 2100)] int? year = null, [FromQuery, StringLength(30)] string? kind = null, [FromQuery, StringLength(20)] string? status = null,
        [FromQuery] Guid? unitId = null, [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize);
        var wantedKind = errors.Check(() => Words.Parse<InspectionKind>(kind, "kind", required: false));
        var wantedStatus = errors.Check(() => Words.Parse<InspectionStatus>(status, "status", required: false));
        errors.ThrowIfAny();

        var units = await caller.UnitsSeenAsync(db, ct);
        var query = db.Inspections.AsNoTracking().VisibleTo(units).Where(i => i.Year == (year ?? VietnamTime.Today(clock).Year));
        if (wantedKind is { } k) query = query.Where(i => i.Kind == k);
        if (wantedStatus is { } s) query = query.Where(i => i.Status == s);
        if (unitId is { } u) query = query.Where(i => i.Subjects.Any(x => x.UnitId == u));
        var folded = q is null ? null : VietnameseText.Fold(q);
        var rows = await query.OrderBy(i => i.PlannedFrom).ThenBy(i => i.Id).Select(i => new
        {
            Inspection = i,
            Subjects = i.Subjects.Count(x => units == null || units.Contains(x.UnitId)),
            Assessed = i.Subjects.Count(x => x.Stage == AssessmentStage.Assessed),
            All = i.Subjects.Count,
            Findings = i.Findings.Count(f => units == null || units.Contains(f.UnitId)),
            Serious = i.Findings.Count(f => f.Severity == FindingSeverity.Serious && (units == null || units.Contains(f.UnitId))),
        }).ToListAsync(ct);
        // The topic is matched without diacritics in memory: a year holds tens of inspections, not thousands.
        var matched = folded is null ? rows : rows.Where(r => VietnameseText.Fold(r.Inspection.Topic).Contains(folded, StringComparison.Ordinal)).ToList();
        var items = matched.Skip(Paging.Skip(page, pageSize)).Take(pageSize).Select(r => new InspectionSummary(r.Inspection.Id, r.Inspection.Year, r.Inspection.Kind,
            r.Inspection.Topic, r.Inspection.Status, r.Inspection.PlannedFrom, r.Inspection.PlannedTo, r.Inspection.ConcludedOn, r.Subjects, r.Findings, r.Serious,
            r.All == 0 ? 0 : (int)Math.Round(100m * r.Assessed / r.All, MidpointRounding.AwayFromZero), r.Inspection.Version)).ToList();
        return TypedResults.Ok(new PagedList<InspectionSummary>(items, matched.Count, page, pageSize));
    }

    public static async Task<Ok<InspectionView>> Get(Guid id, Caller caller, InspectionDbContext db, AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<CreatedAtRoute<InspectionView>> Plan(PlanInspectionRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureInspects();
        var (details, subjects) = await ReadAsync(request, db, ct, withSubjects: true);
        if (request.PlanItemId is { } planItem)
        {
            var item = await db.PlanItems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planItem, ct)
                       ?? throw new ValidationFailedException("planItemId", $"There is no line of the inspection programme with id '{planItem}'.");
            if (item.Dropped || item.Year != details.Year)
                throw new DomainRuleException("That line of the programme is dropped, or belongs to another year: choose a line of the inspection's year.");
        }
        var inspection = Domain.Inspections.Inspection.Plan(details, subjects!, request.PlanItemId, clock.GetUtcNow());
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(await ViewAsync(inspection, caller, db, actor, clock, ct), "GetInspection", new { id = inspection.Id });
    }

    public static async Task<Ok<InspectionView>> Correct(Guid id, PlanInspectionRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var (details, subjects) = await ReadAsync(request, db, ct, withSubjects: request.Subjects is not null);
        var now = clock.GetUtcNow();
        inspection.Correct(details, now);
        if (subjects is not null && !SameSubjects(inspection, subjects)) inspection.SetSubjects(subjects, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<Ok<InspectionView>> Start(Guid id, StartInspectionRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var today = VietnamTime.Today(clock);
        var on = request.StartedOn ?? today;
        if (on > today) throw new ValidationFailedException("startedOn", "An inspection is started on the day it starts, not ahead of it.");
        inspection.Start(on, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<Ok<InspectionView>> Conclude(Guid id, ConcludeInspectionRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var today = VietnamTime.Today(clock);
        var on = request.ConcludedOn ?? today;
        if (on > today) throw new ValidationFailedException("concludedOn", "The conclusion is dated on or before today.");
        var now = clock.GetUtcNow();
        inspection.Conclude(request.Conclusion, on, now);
        db.Recommendations.AddRange(Address(inspection, request.Recommendations, now));
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync(inspection.UnitIds, ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<Ok<InspectionView>> Cancel(Guid id, CancelRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        inspection.Cancel(request.Reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync(inspection.UnitIds, ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<Ok<InspectionView>> AddRecommendations(Guid id, AddRecommendationsRequest request, Caller caller, InspectionDbContext db,
        AuditActor actor, UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct);
        caller.EnsureInspects();
        if (request.Recommendations is not { Count: > 0 } list) throw new ValidationFailedException("recommendations", "Send at least one recommendation.");
        var added = Address(inspection, list, clock.GetUtcNow());
        db.Recommendations.AddRange(added);
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([.. added.Select(r => r.UnitId)], ct);
        return TypedResults.Ok(await ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    /// <summary>The recommendations of a request, all or none; a refusal names the recommendation by its position.</summary>
    private static List<Recommendation> Address(Domain.Inspections.Inspection inspection, IReadOnlyList<RecommendationRequest>? requests, DateTimeOffset now)
    {
        var list = requests ?? [];
        if (list.Count > MaxRecommendationsPerRequest)
            throw new ValidationFailedException("recommendations", $"At most {MaxRecommendationsPerRequest} recommendations in one request; {list.Count} were sent.");
        var errors = new FieldErrors();
        var made = new List<Recommendation>();
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            try
            {
                made.Add(Recommendation.Address(inspection, r.AddresseeId ?? Guid.Empty, r.Action, r.DueOn, r.FindingIds, now));
            }
            catch (ValidationFailedException e)
            {
                foreach (var (field, texts) in e.Texts) foreach (var text in texts) errors.Add($"recommendations[{i}].{field}", text);
            }
            catch (DomainRuleException e)
            {
                throw e.Of($"recommendations[{i}].dueOn");
            }
        }
        errors.ThrowIfAny();
        return made;
    }

    private static async Task<(InspectionDetails Details, List<SubjectOf>? Subjects)> ReadAsync(PlanInspectionRequest request, InspectionDbContext db,
        CancellationToken ct, bool withSubjects)
    {
        var errors = new FieldErrors();
        var kind = Words.Read<InspectionKind>(errors, request.Kind, "kind");
        var details = errors.Check(() => InspectionDetails.Of(kind, request.Topic, request.DecisionNumber, request.DecidedOn, request.PlannedFrom, request.PlannedTo,
            request.Team));
        List<SubjectOf>? subjects = null;
        if (withSubjects)
        {
            subjects = [];
            var list = request.Subjects ?? [];
            for (var i = 0; i < list.Count && i < Domain.Inspections.Inspection.MaxSubjects; i++)
            {
                var index = i;
                var subjectKind = errors.Check(() => Words.Parse<SubjectKind>(list[index].Kind, $"subjects[{index}].kind"));
                if (list[i].Id is not { } subjectId || subjectId == Guid.Empty) errors.Add($"subjects[{i}].id", "Give the id of the unit or member.");
                else if (subjectKind is { } k)
                {
                    try
                    {
                        subjects.Add(await db.ResolveSubjectAsync(k, subjectId, $"subjects[{i}].id", ct));
                    }
                    catch (ValidationFailedException e)
                    {
                        foreach (var (field, texts) in e.Texts) foreach (var text in texts) errors.Add(field, text);
                    }
                }
            }
            if (list.Count == 0) errors.Add("subjects", "Name at least one subject: a unit, or a cadre or member.");
        }
        errors.ThrowIfAny();
        return (details!, subjects);
    }

    private static bool SameSubjects(Domain.Inspections.Inspection inspection, List<SubjectOf> subjects) =>
        inspection.Subjects.Select(s => (s.Kind, s.Id)).ToHashSet().SetEquals(subjects.Select(s => (s.Kind, s.Id)));

    /// <summary>The inspection as the caller sees it; a read of findings about people goes on the record.</summary>
    internal static async Task<InspectionView> ViewAsync(Domain.Inspections.Inspection inspection, Caller caller, InspectionDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var units = await caller.UnitsSeenAsync(db, ct);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.InspectionId == inspection.Id)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(MaxRecommendationsShown).ToListAsync(ct);
        var files = (await db.EvidenceFiles.AsNoTracking().Where(f => f.InspectionId == inspection.Id && f.FindingId != null).OrderBy(f => f.UploadedAt)
            .Select(f => new { FindingId = f.FindingId!.Value, View = new EvidenceFileView(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt, null) })
            .ToListAsync(ct)).ToLookup(f => f.FindingId, f => f.View);
        var view = InspectionView.Of(inspection, caller, units, recommendations, files, VietnamTime.Today(clock));
        var personal = view.Findings.Where(f => f.IsPersonal && !f.Hidden).Select(f => f.Id).ToList();
        if (personal.Count > 0)
        {
            db.ChangeTracker.Clear();
            db.RecordPersonalDataAccess(actor, AuditAction.ReadPersonalData, "Finding", inspection.Id.ToString(), null,
                new { inspection = inspection.Id, findings = personal }, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return view;
    }
}
