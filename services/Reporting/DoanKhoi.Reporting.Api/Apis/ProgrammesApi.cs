using System.ComponentModel.DataAnnotations;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The year's programme as data: its targets and measures, its reporting calendar, the figures
/// reports ask for and the scoreboard's weights. The standing committee (or the bloc office) changes it with
/// a reason, or copies a year to the next; every version is kept, and the board is counted again.</summary>
public static class ProgrammesApi
{
    public const int MaxYears = 101;
    public const int MaxRevisions = 200;

    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/programmes").WithTags("Programme").RequireAuthorization(Policies.Read);
        programmes.MapGet("", ListProgrammes).WithSummary("The years that have a programme").WithMaxItems(MaxYears);
        programmes.MapGet("/{year:int}", GetProgramme).WithSummary("A year's programme: targets with their measures, reporting calendar, figures, scoreboard weights");
        programmes.MapPut("/{year:int}", ChangeProgramme).RequireAuthorization(Policies.Write)
            .WithSummary("Change a year's programme, with the reason (the standing committee); the board is counted again");
        programmes.MapPost("/{year:int}/copy", CopyProgramme).RequireAuthorization(Policies.Write)
            .WithSummary("Copy a year's programme to another year, its dates moved by the years between (the standing committee)");
        programmes.MapGet("/{year:int}/revisions", ListRevisions).WithSummary("Every version of a year's programme: who changed it, when and why")
            .WithMaxItems(MaxRevisions);
        return app;
    }

    public static async Task<Ok<List<ProgrammeSummary>>> ListProgrammes(ReportingDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Programmes.AsNoTracking().OrderBy(p => p.Year)
            .Select(p => new ProgrammeSummary(p.Year, p.Version, p.ChangedAt, p.ChangedBy)).ToListAsync(ct));

    public static async Task<Ok<ProgrammeView>> GetProgramme(int year, ReportingDbContext db, CancellationToken ct)
    {
        var record = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year, ct) ?? throw new NotFoundException("programme", year);
        return TypedResults.Ok(new ProgrammeView(record.Version, record.ChangedAt, record.ChangedBy, record.Programme));
    }

    public static async Task<Ok<ProgrammeView>> ChangeProgramme(int year, ChangeProgrammeRequest request, Caller caller, ReportingDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureSetsProgramme();
        var errors = new FieldErrors();
        foreach (var (field, texts) in request.Programme?.Check().Texts ?? [])
            foreach (var text in texts) errors.Add($"programme.{field}", text);
        if (request.Programme is null) errors.Add("programme", $"The programme is required: GET /programmes/{year} gives the present one to edit.");
        else if (request.Programme.Year != year) errors.Add("programme.year", $"The programme is for {request.Programme.Year}, not {year}.");
        CheckReason(errors, request.Reason);
        errors.ThrowIfAny();

        var record = await db.Programmes.Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Year == year, ct);
        if (record is null) db.Programmes.Add(record = ProgrammeRecord.Create(request.Programme!, request.Reason!.Trim(), caller.AuditName, clock.GetUtcNow()));
        else
        {
            if (request.Version is { } version && version != record.Version)
                throw new ConflictException($"The programme changed since version {version} was read (it is at version {record.Version}): read it again.", "version");
            record.Change(request.Programme!, request.Reason!.Trim(), caller.AuditName, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ProgrammeView(record.Version, record.ChangedAt, record.ChangedBy, record.Programme));
    }

    public static async Task<Created<ProgrammeView>> CopyProgramme(int year, CopyProgrammeRequest request, Caller caller, ReportingDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureSetsProgramme();
        var errors = new FieldErrors();
        if (request.ToYear is not { } to || to is < 2000 or > 2100) errors.Add("toYear", "The year to copy to is between 2000 and 2100.");
        CheckReason(errors, request.Reason);
        errors.ThrowIfAny();
        var source = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year, ct) ?? throw new NotFoundException("programme", year);
        if (await db.Programmes.AnyAsync(p => p.Year == request.ToYear, ct))
            throw new ConflictException($"{request.ToYear} has a programme already: change it instead (PUT /programmes/{request.ToYear}).", "toYear");
        var copy = ProgrammeCopy.ToYear(source.Programme, request.ToYear!.Value);
        var record = ProgrammeRecord.Create(copy, request.Reason!.Trim(), caller.AuditName, clock.GetUtcNow());
        db.Programmes.Add(record);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/programmes/{record.Year}", new ProgrammeView(record.Version, record.ChangedAt, record.ChangedBy, record.Programme));
    }

    public static async Task<Ok<List<RevisionView>>> ListRevisions(int year, ReportingDbContext db, CancellationToken ct)
    {
        var record = await db.Programmes.AsNoTracking().Include(p => p.Revisions).FirstOrDefaultAsync(p => p.Year == year, ct)
            ?? throw new NotFoundException("programme", year);
        return TypedResults.Ok(record.Revisions.OrderByDescending(r => r.Version).Take(MaxRevisions)
            .Select(r => new RevisionView(r.Version, r.ChangedAt, r.ChangedBy, r.Reason, TargetProgramme.FromJson(r.Document))).ToList());
    }

    private static void CheckReason(FieldErrors errors, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "Say why the programme changes (it is kept with the version).");
        else errors.CheckLength("reason", reason.Trim(), ProgrammeRecord.ReasonMaxLength);
    }
}

public sealed record ProgrammeSummary([property: Range(2000, 2100)] int Year, [property: Range(1, int.MaxValue)] int Version,
    DateTimeOffset ChangedAt, [property: StringLength(200)] string ChangedBy);

public sealed record ProgrammeView([property: Range(1, int.MaxValue)] int Version, DateTimeOffset ChangedAt,
    [property: StringLength(200)] string ChangedBy, TargetProgramme Programme);

public sealed record RevisionView([property: Range(1, int.MaxValue)] int Version, DateTimeOffset ChangedAt,
    [property: StringLength(200)] string ChangedBy, [property: StringLength(ProgrammeRecord.ReasonMaxLength)] string Reason, TargetProgramme Programme);

/// <summary>The whole programme as it should be, the reason, and the version it was edited from (a 409 if it changed since).</summary>
public sealed record ChangeProgrammeRequest(TargetProgramme? Programme, [property: StringLength(ProgrammeRecord.ReasonMaxLength)] string? Reason,
    [property: Range(1, int.MaxValue)] int? Version = null);

public sealed record CopyProgrammeRequest([property: Range(2000, 2100)] int? ToYear, [property: StringLength(ProgrammeRecord.ReasonMaxLength)] string? Reason);
