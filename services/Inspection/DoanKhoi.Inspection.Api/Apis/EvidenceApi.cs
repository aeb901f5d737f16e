using DoanKhoi.Files;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Evidence;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

/// <summary>Photos and documents as evidence: of a finding (the inspection committee, while the inspection is in
/// progress) and of what a unit did about a recommendation (its secretary uploads them, then gives them with a
/// report). Read by those who see the finding or the recommendation; a file of a finding about a person only by
/// the inspection and standing committees, on the record.</summary>
public static class EvidenceApi
{
    private const string FileLimits = "A photo (JPEG, PNG) or a document (PDF, Word, Excel) of at most 10 MB.";

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var finding = app.MapGroup("/inspections/{id:guid}/findings/{findingId:guid}/files").WithTags("Inspections").RequireAuthorization(Policies.Read);
        Uploads(finding.MapPost("/", UploadForFinding), "Attach a photo or document to a finding as the form field 'file' (the inspection committee, while the inspection is in progress)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not in progress, or the finding has 20 files already.");
        finding.MapGet("/{fileId:guid}", DownloadOfFinding).WithSummary("A finding's photo or document (one about a person: the inspection and standing committees, on the record)")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "application/pdf"]);
        finding.MapDelete("/{fileId:guid}", RemoveOfFinding).RequireAuthorization(Policies.Write)
            .WithSummary("Remove a finding's file attached by mistake (the inspection committee, while the inspection is in progress)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The inspection is not in progress.");

        var recommendation = app.MapGroup("/recommendations/{id:guid}/files").WithTags("Recommendations").RequireAuthorization(Policies.Read);
        Uploads(recommendation.MapPost("/", UploadForRecommendation),
                "Upload a photo or document of what the unit did as the form field 'file', to give with its next report (the unit's secretary)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The recommendation is reported done or closed, or has 50 files already.");
        recommendation.MapGet("/{fileId:guid}", DownloadOfRecommendation).WithSummary("A photo or document of what the unit did of a recommendation")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "application/pdf"]);
        recommendation.MapDelete("/{fileId:guid}", RemoveOfRecommendation).RequireAuthorization(Policies.Write)
            .WithSummary("Remove a file uploaded by mistake, before it is given with a report (the unit's secretary)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The file was given with a report.");
        return app;
    }

    private static RouteHandlerBuilder Uploads(RouteHandlerBuilder upload, string summary) => upload.RequireAuthorization(Policies.Write)
        .WithSummary(summary)
        .DisableAntiforgery()   // a bearer token, no cookie: nothing to forge
        .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxBytes + 1024 * 1024))
        .WithProblem(StatusCodes.Status400BadRequest, "No file in the form field 'file'.")
        .WithProblem(StatusCodes.Status413PayloadTooLarge, FileLimits)
        .WithProblem(StatusCodes.Status415UnsupportedMediaType, FileLimits);

    public static async Task<Created<EvidenceFileView>> UploadForFinding(Guid id, Guid findingId, IFormFile? file, Caller caller, InspectionDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct);
        caller.EnsureInspects();
        var content = await UploadedFile.ReadAsync(file, EvidenceFile.MaxBytes, ct);
        var held = await db.EvidenceFiles.CountAsync(f => f.FindingId == findingId, ct);
        var evidence = EvidenceFile.OfFinding(inspection, findingId, held, file!.FileName, content, caller.AuditName, clock.GetUtcNow());
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/inspections/{id}/findings/{findingId}/files/{evidence.Id}", EvidenceFileView.From(evidence, reportId: null));
    }

    public static async Task<FileContentHttpResult> DownloadOfFinding(Guid id, Guid findingId, Guid fileId, Caller caller, InspectionDbContext db,
        AuditActor actor, TimeProvider clock, CancellationToken ct)
    {
        var units = await caller.UnitsSeenAsync(db, ct);
        await db.ReachableInspectionAsync(caller, id, ct);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.FindingId == findingId && f.InspectionId == id, ct);
        // A file of another unit's finding in the same inspection, or of a finding about a person for a post that does
        // not read those, is as absent as one that does not exist.
        if (file is null || (units is not null && !units.Contains(file.UnitId)) || (file.IsPersonal && !caller.ReadsPersonalFindings()))
            throw new NotFoundException("file", fileId);
        if (file.IsPersonal)
        {
            db.RecordPersonalDataAccess(actor, AuditAction.ReadPersonalData, nameof(EvidenceFile), file.Id.ToString(), file.UnitId,
                new { inspection = id, finding = findingId, file = file.FileName }, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<NoContent> RemoveOfFinding(Guid id, Guid findingId, Guid fileId, Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        var inspection = await db.ReachableInspectionAsync(caller, id, ct);
        caller.EnsureInspects();
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.FindingId == findingId && f.InspectionId == id, ct)
            ?? throw new NotFoundException("file", fileId);
        EvidenceFile.EnsureRemovableFrom(inspection);
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Created<EvidenceFileView>> UploadForRecommendation(Guid id, IFormFile? file, Caller caller, InspectionDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var recommendation = await db.ReachableRecommendationAsync(caller, id, ct);
        await caller.EnsureReportsForAsync(recommendation, db, ct);
        var content = await UploadedFile.ReadAsync(file, EvidenceFile.MaxBytes, ct);
        var held = await db.EvidenceFiles.CountAsync(f => f.RecommendationId == id, ct);
        var evidence = EvidenceFile.OfRecommendation(recommendation, held, file!.FileName, content, caller.AuditName, clock.GetUtcNow());
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/recommendations/{id}/files/{evidence.Id}", EvidenceFileView.From(evidence, reportId: null));
    }

    public static async Task<FileContentHttpResult> DownloadOfRecommendation(Guid id, Guid fileId, Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        await db.ReachableRecommendationAsync(caller, id, ct);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.RecommendationId == id, ct)
            ?? throw new NotFoundException("file", fileId);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public static async Task<NoContent> RemoveOfRecommendation(Guid id, Guid fileId, Caller caller, InspectionDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var recommendation = await db.ReachableRecommendationAsync(caller, id, ct, tracked: true);
        await caller.EnsureReportsForAsync(recommendation, db, ct);
        var file = await db.EvidenceFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.RecommendationId == id, ct)
            ?? throw new NotFoundException("file", fileId);
        recommendation.TakeBackFile(fileId, clock.GetUtcNow());
        db.EvidenceFiles.Remove(file);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
