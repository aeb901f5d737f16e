using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DoanKhoi.Inspection.Apis;

/// <summary>What an inspection in progress finds, about each subject, and how far each subject's
/// assessment has come (the inspection committee).</summary>
public static class FindingsApi
{
    public static IEndpointRouteBuilder MapFindingsApi(this IEndpointRouteBuilder app)
    {
        var inspection = app.MapGroup("/inspections/{id:guid}").WithTags("Inspections").RequireAuthorization(Policies.Write);
        inspection.MapPost("/findings", Record).WithSummary("Record a finding about a subject, with its severity, whether it is a violation and its evidence")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not in progress.");
        inspection.MapPut("/findings/{findingId:guid}", Correct).WithSummary("Correct a finding while the inspection is in progress")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not in progress.");
        inspection.MapDelete("/findings/{findingId:guid}", Remove).WithSummary("Remove a finding recorded by mistake while the inspection is in progress")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not in progress.");
        inspection.MapPut("/subjects/{subjectId:guid}/assessment", Assess)
            .WithSummary("A subject's assessment in an inspection over many units: not started, inspecting, assessed, with the result")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection has not started, or is concluded and the subject would go back.");
        return app;
    }

    public static async Task<Ok<InspectionView>> Record(Guid id, FindingRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var details = Read(request, out var subjectId);
        var finding = inspection.RecordFinding(subjectId, details, caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([finding.UnitId], ct);
        return TypedResults.Ok(await InspectionsApi.ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<Ok<InspectionView>> Correct(Guid id, Guid findingId, FindingRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var finding = inspection.CorrectFinding(findingId, Read(request, out _, subjectRequired: false), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([finding.UnitId], ct);
        return TypedResults.Ok(await InspectionsApi.ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    public static async Task<NoContent> Remove(Guid id, Guid findingId, Caller caller, InspectionDbContext db, UnitStanding standing, TimeProvider clock,
        CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var unit = inspection.Findings.FirstOrDefault(f => f.Id == findingId)?.UnitId;
        inspection.RemoveFinding(findingId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (unit is { } u) await standing.RecountAsync([u], ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<InspectionView>> Assess(Guid id, Guid subjectId, AssessmentRequest request, Caller caller, InspectionDbContext db, AuditActor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        var stage = Words.Parse<AssessmentStage>(request.Stage, "stage")!.Value;
        inspection.Assess(subjectId, stage, request.Result, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await InspectionsApi.ViewAsync(inspection, caller, db, actor, clock, ct));
    }

    private static FindingDetails Read(FindingRequest request, out Guid subjectId, bool subjectRequired = true)
    {
        var errors = new FieldErrors();
        subjectId = request.SubjectId ?? Guid.Empty;
        if (subjectRequired && subjectId == Guid.Empty) errors.Add("subjectId", "Say which subject the finding is about.");
        var severity = Words.Read<FindingSeverity>(errors, request.Severity, "severity");
        var details = errors.Check(() => FindingDetails.Of(severity, request.Description,
            request.IsViolation, request.Evidence));
        errors.ThrowIfAny();
        return details!;
    }
}
