using DoanKhoi.Activities.Domain;
using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Files;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Apis;

/// <summary>Photos and documents that show an activity took place, kept with it.</summary>
public static class EvidenceApi
{
    private const string FileLimits = "A photo (JPEG, PNG) or a document (PDF, .docx) of at most 10 MB, 20 to an activity.";

    public static IEndpointRouteBuilder MapEvidenceApi(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/activities/{id:guid}/evidence").WithTags("Activities").RequireAuthorization(Policies.Read);
        evidence.MapPost("/", Upload).RequireAuthorization(Policies.Write)
            .WithSummary("Attach a photo or document as the form field 'file' (the activity's organiser)")
            .DisableAntiforgery()   // a bearer token, no cookie: nothing to forge
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxBytes + 1024 * 1024))
            .WithProblem(StatusCodes.Status400BadRequest, "No file in the form field 'file'.")
            .WithProblem(StatusCodes.Status413PayloadTooLarge, FileLimits)
            .WithProblem(StatusCodes.Status415UnsupportedMediaType, FileLimits)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The activity is cancelled, or has 20 files already.");
        evidence.MapGet("/{fileId:guid}", Download).WithSummary("A photo or document of the activity")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg", additionalContentTypes: ["image/png", "application/pdf"]);
        return app;
    }

    public static async Task<Created<EvidenceFileView>> Upload(Guid id, IFormFile? file, Caller caller, ActivitiesDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var activity = await db.ReachableAsync(caller, id, ct);
        caller.EnsureKeeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId));
        var content = await UploadedFile.ReadAsync(file, EvidenceFile.MaxBytes, ct);
        if (await db.EvidenceFiles.CountAsync(f => f.ActivityId == id, ct) >= EvidenceFile.MaxPerActivity)
            throw new DomainRuleException($"The activity has {EvidenceFile.MaxPerActivity} files already.");
        var evidence = EvidenceFile.Of(activity, file!.FileName, content, caller.AuditName, clock.GetUtcNow());
        db.EvidenceFiles.Add(evidence);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/activities/{id}/evidence/{evidence.Id}", EvidenceFileView.From(evidence));
    }

    public static async Task<FileContentHttpResult> Download(Guid id, Guid fileId, Caller caller, ActivitiesDbContext db, CancellationToken ct)
    {
        await db.ReachableAsync(caller, id, ct);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ActivityId == id, ct)
            ?? throw new NotFoundException("file", fileId);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

public sealed record EvidenceFileView(
    Guid Id,
    [property: System.ComponentModel.DataAnnotations.StringLength(EvidenceFile.FileNameMaxLength)] string FileName,
    [property: System.ComponentModel.DataAnnotations.StringLength(100)] string ContentType,
    [property: System.ComponentModel.DataAnnotations.Range(0, EvidenceFile.MaxBytes)] long Size,
    DateTimeOffset UploadedAt)
{
    public static EvidenceFileView From(EvidenceFile f) => new(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedAt);
}
