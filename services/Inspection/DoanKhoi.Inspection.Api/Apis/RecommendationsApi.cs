using System.ComponentModel.DataAnnotations;
using DoanKhoi.Inspection.Domain;
using DoanKhoi.Inspection.Domain.Evidence;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.OpenApi;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Apis;

/// <summary>What the unit did; its evidence as links and as files uploaded to the recommendation beforehand (<c>fileIds</c>).</summary>
public sealed record ReportRecommendationRequest(
    [property: StringLength(Recommendation.ReportMaxLength)] string? WhatWasDone,
    [property: MaxLength(Domain.Inspections.FindingDetails.MaxEvidence), ItemMaxLength(Domain.Inspections.FindingDetails.EvidenceMaxLength)] List<string>? Evidence,
    bool? Done,
    [property: MaxLength(EvidenceFile.MaxPerRecommendation)] List<Guid>? FileIds = null);

public sealed record ReopenRecommendationRequest([property: StringLength(Recommendation.ReasonMaxLength)] string? Reason, DateOnly? DueOn);

public sealed record ReportView(Guid Id, [property: StringLength(Recommendation.ReportMaxLength)] string WhatWasDone,
    [property: MaxLength(Domain.Inspections.FindingDetails.MaxEvidence), ItemMaxLength(Domain.Inspections.FindingDetails.EvidenceMaxLength)] IReadOnlyList<string> Evidence, bool Done,
    [property: StringLength(256)] string ReportedBy, DateTimeOffset ReportedAt,
    [property: MaxLength(EvidenceFile.MaxPerRecommendation)] IReadOnlyList<Guid> FileIds);

public sealed record RecommendationView(
    Guid Id, Guid InspectionId, [property: StringLength(Domain.Inspections.Inspection.TopicMaxLength)] string InspectionTopic,
    Domain.Inspections.SubjectKind AddresseeKind, Guid AddresseeId, [property: StringLength(300)] string AddresseeName, Guid UnitId,
    [property: StringLength(Recommendation.ActionMaxLength)] string Action, DateOnly DueOn, RecommendationStatus Status, bool Overdue,
    [property: MaxLength(Domain.Inspections.Inspection.MaxFindings)] IReadOnlyList<Guid> FindingIds,
    [property: MaxLength(Recommendation.MaxReports)] IReadOnlyList<ReportView> Reports,
    [property: StringLength(256)] string? ClosedBy, DateTimeOffset? ClosedAt, [property: StringLength(Recommendation.ReasonMaxLength)] string? ReopenReason,
    EscalationStage Escalation,
    [property: MaxLength(EvidenceFile.MaxPerRecommendation)] IReadOnlyList<EvidenceFileView> Files,
    int Version);

/// <summary>The follow-up of recommendations (theo dõi, đôn đốc thực hiện kiến nghị): the board of open and
/// overdue ones by unit and due day, a secretary's to-do list, the unit's reports of what it did, and the
/// inspection committee's verification.</summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var recommendations = app.MapGroup("/recommendations").WithTags("Recommendations").RequireAuthorization(Policies.Read);
        recommendations.MapGet("/", List)
            .WithSummary("The recommendations the caller sees, soonest due first: by unit, status, overdue only, due by a day (the follow-up board, or a secretary's to-do list with todo=true)");
        recommendations.MapGet("/{id:guid}", Get).WithName("GetRecommendation").WithSummary("A recommendation with what its unit reported");
        recommendations.MapPost("/{id:guid}/reports", Report).RequireAuthorization(Policies.Write)
            .WithSummary("The unit reports what it did of a recommendation, with evidence; done=true hands it to the committee to verify (the unit's secretary)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the recommendation meanwhile: reload it and try again.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The recommendation is done and waits for verification, or is closed.");
        recommendations.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.Write)
            .WithSummary("Verify what was done and close the recommendation (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The recommendation was never reported done.");
        recommendations.MapPost("/{id:guid}/reopen", Reopen).RequireAuthorization(Policies.Write)
            .WithSummary("Send a recommendation reported done (or closed) back to its unit with the reason, and a new due day if given (the inspection committee)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The recommendation is still with its unit.");
        return app;
    }

    public static async Task<Ok<PagedList<RecommendationSummary>>> List(Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct,
        [FromQuery] Guid? unitId = null, [FromQuery, StringLength(20)] string? status = null, [FromQuery] bool overdue = false,
        [FromQuery] DateOnly? dueBy = null, [FromQuery] bool todo = false, [FromQuery, Range(2000, 2100)] int? year = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        var wanted = errors.Check(() => Words.Parse<RecommendationStatus>(status, "status", required: false));
        errors.ThrowIfAny();
        var today = VietnamTime.Today(clock);
        var query = db.Recommendations.AsNoTracking().VisibleTo(await caller.UnitsSeenAsync(db, ct));
        if (year is { } y) query = query.Where(r => r.Year == y);
        if (unitId is { } u) query = query.Where(r => r.UnitId == u);
        if (wanted is { } s) query = query.Where(r => r.Status == s);
        // What is still the unit's to do: open or in progress (a reopened one is in progress again).
        if (todo) query = query.Where(r => r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress);
        if (overdue) query = query.Where(r => (r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress) && r.DueOn < today);
        if (dueBy is { } d) query = query.Where(r => r.DueOn <= d);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueOn).ThenBy(r => r.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<RecommendationSummary>(rows.Select(r => RecommendationSummary.Of(r, today)).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<RecommendationView>> Get(Guid id, Caller caller, InspectionDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(await db.ReachableRecommendationAsync(caller, id, ct), db, clock, ct));

    public static async Task<Ok<RecommendationView>> Report(Guid id, ReportRecommendationRequest request, Caller caller, InspectionDbContext db,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var recommendation = await db.ReachableRecommendationAsync(caller, id, ct, tracked: true);
        await caller.EnsureReportsForAsync(recommendation, db, ct);
        // The ids of the files uploaded to it, not their contents: the report names them.
        var uploaded = request.FileIds is { Count: > 0 }
            ? (await db.EvidenceFiles.Where(f => f.RecommendationId == id).Select(f => f.Id).ToListAsync(ct)).ToHashSet() : [];
        recommendation.Report(request.WhatWasDone, request.Evidence, request.Done ?? false, caller.AuditName, clock.GetUtcNow(), request.FileIds, uploaded);
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([recommendation.UnitId], ct);
        return TypedResults.Ok(await ViewAsync(recommendation, db, clock, ct));
    }

    public static async Task<Ok<RecommendationView>> Close(Guid id, Caller caller, InspectionDbContext db, UnitStanding standing, TimeProvider clock,
        CancellationToken ct)
    {
        var recommendation = await db.ReachableRecommendationAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        recommendation.Close(caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([recommendation.UnitId], ct);
        return TypedResults.Ok(await ViewAsync(recommendation, db, clock, ct));
    }

    public static async Task<Ok<RecommendationView>> Reopen(Guid id, ReopenRecommendationRequest request, Caller caller, InspectionDbContext db,
        UnitStanding standing, TimeProvider clock, CancellationToken ct)
    {
        var recommendation = await db.ReachableRecommendationAsync(caller, id, ct, tracked: true);
        caller.EnsureInspects();
        recommendation.Reopen(request.Reason, request.DueOn, VietnamTime.Today(clock), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await standing.RecountAsync([recommendation.UnitId], ct);
        return TypedResults.Ok(await ViewAsync(recommendation, db, clock, ct));
    }

    internal static async Task<RecommendationView> ViewAsync(Recommendation r, InspectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var topic = await db.Inspections.Where(i => i.Id == r.InspectionId).Select(i => i.Topic).FirstOrDefaultAsync(ct) ?? "";
        var files = await db.EvidenceFiles.AsNoTracking().Where(f => f.RecommendationId == r.Id).OrderBy(f => f.UploadedAt)
            .Select(f => new EvidenceFileView(f.Id, f.FileName, f.ContentType, f.Size, f.UploadedBy, f.UploadedAt, null)).ToListAsync(ct);
        return new RecommendationView(r.Id, r.InspectionId, topic, r.AddresseeKind, r.AddresseeId, r.AddresseeName, r.UnitId, r.Action, r.DueOn, r.Status,
            r.IsOverdueOn(VietnamTime.Today(clock)), r.FindingIds,
            r.Reports.Select(p => new ReportView(p.Id, p.WhatWasDone, p.Evidence, p.Done, p.ReportedBy, p.ReportedAt, p.FileIds ?? [])).ToList(),
            r.ClosedBy, r.ClosedAt, r.ReopenReason, r.Escalation, files.Select(f => f with { ReportId = r.ReportGiving(f.Id) }).ToList(), r.Version);
    }
}
