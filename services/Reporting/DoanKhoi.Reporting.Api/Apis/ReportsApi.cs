using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.OpenApi;
using DoanKhoi.Problems;
using DoanKhoi.Reporting.Domain;
using DoanKhoi.Reporting.Domain.Board;
using DoanKhoi.Reporting.Domain.Programme;
using DoanKhoi.Reporting.Domain.Reports;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>The reports of the calendar: the form a unit or cluster fills (figures prefilled with what
/// DoanKhoi counted for the period), its attachments, its versions; the bloc office's review, and the
/// opening of a locked report for one submitter.</summary>
public static class ReportsApi
{
    private const string FileLimits = "A PDF or an Office document (Word, Excel, PowerPoint) of at most 10 MB.";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.Read);
        reports.MapGet("/{year:int}/{code}", GetForm)
            .WithSummary("A report of the calendar for a unit (unitId) or a cluster (clusterId): due date, whether it is open, the figures prefilled with what DoanKhoi counted for its period, and every version sent");
        reports.MapPut("/{year:int}/{code}", Submit).RequireAuthorization(Policies.Write)
            .WithSummary("Send a report, or a new version of it (the unit's secretary, the cluster's lead): figures (a value other than the counted one needs a reason), narrative, attachments");
        reports.MapPost("/{year:int}/{code}/attachments", Upload).RequireAuthorization(Policies.Write)
            .WithSummary("Upload a PDF or Office file (up to 10 MB) as the form field 'file', to send with a report")
            .DisableAntiforgery()   // a bearer token, no cookie: nothing to forge
            .WithMetadata(new RequestSizeLimitAttribute(ReportAttachment.MaxBytes + 1024 * 1024))
            .WithProblem(StatusCodes.Status400BadRequest, "No file in the form field 'file'.")
            .WithProblem(StatusCodes.Status413PayloadTooLarge, FileLimits)
            .WithProblem(StatusCodes.Status415UnsupportedMediaType, FileLimits);
        reports.MapGet("/attachments/{id:guid}", Download).WithSummary("A report's attachment");
        reports.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Policies.Write).WithSummary("Accept a report (the bloc office)");
        reports.MapPost("/{id:guid}/return", Return).RequireAuthorization(Policies.Write)
            .WithSummary("Return a report for correction with a comment (the bloc office); the unit sends a new version");
        reports.MapPost("/{year:int}/{code}/openings", Open).RequireAuthorization(Policies.Write)
            .WithSummary("Open a locked report again for one unit or cluster until a moment, with a reason (the bloc office; on the record)");
        return app;
    }

    public static async Task<Ok<ReportForm>> GetForm(int year, [StringLength(TargetProgramme.CodeMaxLength)] string code, Caller caller, ReportingDbContext db,
        ProgrammeStore programmes, BoardCounter counter, TimeProvider clock, CancellationToken ct, [FromQuery] Guid? unitId = null, [FromQuery] Guid? clusterId = null)
    {
        var (programme, definition) = await DefinitionAsync(db, programmes, year, code, ct);
        var (level, submitter, name, kind) = await SubmitterAsync(db, caller, unitId, clusterId, ct);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Year == year && r.Code == code && r.SubmitterId == submitter, ct);
        var openUntil = await OpenUntilAsync(db, year, code, submitter, clock, ct);
        var counted = await CountedAsync(db, counter, programme, definition, level, submitter, ct);
        var now = clock.GetUtcNow();
        var exempt = kind is { } k && ReportCalendar.IsExempt(programme, k);
        var latest = report?.Latest.Figures.ToDictionary(f => f.Code);
        var figures = definition.From is null ? [] : programme.Figures.Select(f => new FigureField(f.Code, f.Name,
            counted.TryGetValue(f.Code, out var c) ? c : null, latest?.GetValueOrDefault(f.Code)?.Value, latest?.GetValueOrDefault(f.Code)?.Reason)).ToList();
        return TypedResults.Ok(new ReportForm(year, definition, level, submitter, name, Report.Deadline(definition.Due),
            ReportCalendar.StateOf(definition, report, exempt, now), !exempt && report?.State != ReportState.Accepted
                && (Report.IsOnTime(definition, now) || openUntil > now || report?.State == ReportState.Returned),
            openUntil, figures, report is null ? null : await ReportView.FromAsync(db, report, ct)));
    }

    public static async Task<Results<Created<ReportView>, Ok<ReportView>>> Submit(int year, [StringLength(TargetProgramme.CodeMaxLength)] string code,
        SubmitReportRequest request, Caller caller, ReportingDbContext db, ProgrammeStore programmes, BoardCounter counter, TimeProvider clock,
        CancellationToken ct, [FromQuery] Guid? unitId = null, [FromQuery] Guid? clusterId = null)
    {
        var (programme, definition) = await DefinitionAsync(db, programmes, year, code, ct);
        var (level, submitter, _, kind) = await SubmitterAsync(db, caller, unitId, clusterId, ct);
        caller.EnsureSubmitsFor(level, submitter);
        ReportCalendar.EnsureOwed(programme, definition, kind);

        var counted = definition.From is null ? [] : await CountedAsync(db, counter, programme, definition, level, submitter, ct);
        var content = await ContentAsync(db, request, programme, definition, counted, year, code, submitter, ct);
        var openUntil = await OpenUntilAsync(db, year, code, submitter, clock, ct);
        var now = clock.GetUtcNow();
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Year == year && r.Code == code && r.SubmitterId == submitter, ct);
        var created = report is null;
        if (report is null) db.Reports.Add(report = Report.Submit(definition, year, level, submitter, content, openUntil, caller.AuditName, now));
        else report.Resubmit(definition, content, openUntil, caller.AuditName, now);
        await db.SaveChangesAsync(ct);
        // Reported figures count on the board (a measure over "reported"): the unit counts again.
        if (level == SubmitterLevel.Unit && programme.Measures.Any(m => m.Count.Source == FactSource.Reported || m.Of?.Source == FactSource.Reported))
            await RecountAsync(db, counter, submitter, year, ct);
        return created
            ? TypedResults.Created($"/reports/{year}/{code}?{level.ToString().ToLowerInvariant()}Id={submitter}", await ReportView.FromAsync(db, report, ct))
            : TypedResults.Ok(await ReportView.FromAsync(db, report, ct));
    }

    public static async Task<Created<AttachmentView>> Upload(int year, [StringLength(TargetProgramme.CodeMaxLength)] string code, IFormFile? file,
        Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock, CancellationToken ct,
        [FromQuery] Guid? unitId = null, [FromQuery] Guid? clusterId = null)
    {
        await DefinitionAsync(db, programmes, year, code, ct);
        var (level, submitter, _, _) = await SubmitterAsync(db, caller, unitId, clusterId, ct);
        caller.EnsureSubmitsFor(level, submitter);
        var content = await UploadedFile.ReadAsync(file, ReportAttachment.MaxBytes, ct);
        var attachment = ReportAttachment.Of(year, code, submitter, file!.FileName, content, caller.AuditName, clock.GetUtcNow());
        db.ReportAttachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/reports/attachments/{attachment.Id}", AttachmentView.From(attachment));
    }

    public static async Task<FileContentHttpResult> Download(Guid id, Caller caller, ReportingDbContext db, CancellationToken ct)
    {
        var attachment = await db.ReportAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("attachment", id);
        await EnsureSeesSubmitterAsync(db, caller, attachment.SubmitterId, ct);
        return TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    public static async Task<Ok<ReportView>> Accept(Guid id, Caller caller, ReportingDbContext db, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureReviewsReports();
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("report", id);
        report.Accept(caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await ReportView.FromAsync(db, report, ct));
    }

    public static async Task<Ok<ReportView>> Return(Guid id, ReturnReportRequest request, Caller caller, ReportingDbContext db, BoardCounter counter,
        TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureReviewsReports();
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("report", id);
        report.Return(request.Comment, caller.AuditName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (report.Level == SubmitterLevel.Unit) await RecountAsync(db, counter, report.SubmitterId, report.Year, ct);   // a returned report's figures stop counting
        return TypedResults.Ok(await ReportView.FromAsync(db, report, ct));
    }

    private static Task RecountAsync(ReportingDbContext db, BoardCounter counter, Guid unit, int year, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await counter.RecountAsync([(BoardNode.Unit(unit), year)], token);
            await transaction.CommitAsync(token);
        }, ct);

    public static async Task<Created<OpeningView>> Open(int year, [StringLength(TargetProgramme.CodeMaxLength)] string code, OpenReportRequest request,
        Caller caller, ReportingDbContext db, ProgrammeStore programmes, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureReviewsReports();
        await DefinitionAsync(db, programmes, year, code, ct);
        var (_, submitter, _, _) = await SubmitterAsync(db, caller, request.UnitId, request.ClusterId, ct);
        if (request.Until is not { } until) throw new ValidationFailedException("until", "Say until when the report is open (a date and time).");
        var opening = ReportOpening.Grant(year, code, submitter, until, request.Reason, caller.AuditName, clock.GetUtcNow());
        db.ReportOpenings.Add(opening);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/reports/{year}/{code}", new OpeningView(opening.Id, opening.SubmitterId, opening.OpenUntil, opening.Reason, opening.GrantedBy, opening.GrantedAt));
    }

    internal static async Task<(TargetProgramme, ReportDefinition)> DefinitionAsync(ReportingDbContext db, ProgrammeStore programmes, int year, string code, CancellationToken ct)
    {
        var programme = await programmes.FindAsync(db, year, ct) ?? throw new NotFoundException("programme", year);
        return (programme, programme.Report(code) ?? throw new NotFoundException("report", code));
    }

    /// <summary>The unit or cluster a request is about, which the caller must see.</summary>
    internal static async Task<(SubmitterLevel Level, Guid Id, string Name, UnitKind? Kind)> SubmitterAsync(ReportingDbContext db, Caller caller,
        Guid? unitId, Guid? clusterId, CancellationToken ct)
    {
        if ((unitId is null) == (clusterId is null)) throw new ValidationFailedException("unitId", "Say whose report it is: a unit (unitId) or a cluster (clusterId).");
        if (unitId is { } unit)
        {
            await db.EnsureSeesUnitAsync(caller, unit, ct);
            var copy = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unit, ct);
            return (SubmitterLevel.Unit, unit, copy.Name, copy.Kind);
        }
        await db.EnsureSeesClusterAsync(caller, clusterId!.Value, ct);
        return (SubmitterLevel.Cluster, clusterId.Value, await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).FirstAsync(ct), null);
    }

    private static async Task EnsureSeesSubmitterAsync(ReportingDbContext db, Caller caller, Guid submitter, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(u => u.Id == submitter, ct)) await db.EnsureSeesUnitAsync(caller, submitter, ct);
        else await db.EnsureSeesClusterAsync(caller, submitter, ct);
    }

    private static async Task<DateTimeOffset?> OpenUntilAsync(ReportingDbContext db, int year, string code, Guid submitter, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.ReportOpenings.AsNoTracking().Where(o => o.Year == year && o.Code == code && o.SubmitterId == submitter && o.OpenUntil > now)
            .MaxAsync(o => (DateTimeOffset?)o.OpenUntil, ct);
    }

    /// <summary>What DoanKhoi counted of each figure over the report's period (its first day included, its last
    /// not): a unit's own facts; a cluster's own and its units'.</summary>
    internal static async Task<Dictionary<string, long>> CountedAsync(ReportingDbContext db, BoardCounter counter, TargetProgramme programme,
        ReportDefinition definition, SubmitterLevel level, Guid submitter, CancellationToken ct, Dictionary<BoardNode, NodeFacts>? known = null)
    {
        if (definition.From is not { } from || definition.To is not { } to) return [];
        var nodes = level == SubmitterLevel.Unit ? [BoardNode.Unit(submitter)]
            : (await db.Units.AsNoTracking().Where(u => u.ClusterId == submitter).Select(u => u.Id).ToListAsync(ct)).Select(BoardNode.Unit).Append(BoardNode.Cluster(submitter)).ToList();
        var facts = new List<NodeFacts>();
        foreach (var node in nodes)
        {
            if (known?.TryGetValue(node, out var kept) == true) { facts.Add(kept); continue; }
            var read = await counter.FactsAsync(programme, node, ct);
            if (known is not null) known[node] = read;
            facts.Add(read);
        }
        return programme.Figures.Where(f => f.Count is not null).ToDictionary(f => f.Code,
            f => facts.SelectMany(n => MeasureCounter.Steps(programme, f.Count!, n)).Where(s => s.Day >= from && s.Day < to).Sum(s => s.Amount));
    }

    private static async Task<ReportContent> ContentAsync(ReportingDbContext db, SubmitReportRequest request, TargetProgramme programme, ReportDefinition definition,
        Dictionary<string, long> counted, int year, string code, Guid submitter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var figures = new List<FigureValue>();
        var sent = request.Figures ?? [];
        if (definition.From is null && sent.Count > 0) errors.Add("figures", "This report has no figures: send its narrative and documents.");
        for (var i = 0; i < sent.Count && definition.From is not null; i++)
        {
            var f = sent[i];
            var known = programme.Figures.FirstOrDefault(d => d.Code == f.Code);
            if (known is null) { errors.Add($"figures[{i}].code", $"'{f.Code}' is not a figure of the {year} programme."); continue; }
            if (f.Value is not { } value || value < 0) { errors.Add($"figures[{i}].value", "A figure is a number, 0 or more."); continue; }
            long? count = counted.TryGetValue(known.Code, out var c) ? c : null;
            var reason = f.Reason?.Trim().Normalize();
            if (count is { } n && n != value && string.IsNullOrEmpty(reason))
                errors.Add($"figures[{i}].reason", $"DoanKhoi counted {n} for the period: say why the figure is {value}.");
            else if (reason?.Length > Report.ReasonMaxLength) errors.Add($"figures[{i}].reason", $"A reason is at most {Report.ReasonMaxLength} characters.");
            figures.Add(new FigureValue(known.Code, value, count, string.IsNullOrEmpty(reason) ? null : reason));
        }
        if (sent.GroupBy(f => f.Code).Any(g => g.Count() > 1)) errors.Add("figures", "A figure is sent twice.");
        var narrative = request.Narrative?.Trim().Normalize() ?? "";
        if (narrative.Length == 0) errors.Add("narrative", "Write the report's narrative (what the unit did, what it plans).");
        errors.CheckLength("narrative", narrative, Report.NarrativeMaxLength);
        errors.CheckLength("note", request.Note, Report.ReasonMaxLength);
        var ids = request.AttachmentIds ?? [];
        if (ids.Count > Report.MaxAttachments) errors.Add("attachmentIds", $"At most {Report.MaxAttachments} documents go with a report.");
        var own = await db.ReportAttachments.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Year == year && a.Code == code && a.SubmitterId == submitter)
            .Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
            if (!own.Contains(ids[i])) errors.Add($"attachmentIds[{i}]", "There is no such document uploaded for this report: upload it first.");
        errors.ThrowIfAny();
        return new ReportContent(figures, narrative, [.. ids.Distinct()], request.Note?.Trim().Normalize());
    }
}

public sealed record FigureRequest([property: StringLength(TargetProgramme.CodeMaxLength)] string? Code, [property: Range(0, long.MaxValue)] long? Value,
    [property: StringLength(Report.ReasonMaxLength)] string? Reason);

public sealed record SubmitReportRequest(
    [property: MaxLength(TargetProgramme.MaxFigures)] IReadOnlyList<FigureRequest>? Figures,
    [property: StringLength(Report.NarrativeMaxLength)] string? Narrative,
    [property: MaxLength(Report.MaxAttachments)] IReadOnlyList<Guid>? AttachmentIds,
    [property: StringLength(Report.ReasonMaxLength)] string? Note);

public sealed record ReturnReportRequest([property: StringLength(Report.CommentMaxLength)] string? Comment);

public sealed record OpenReportRequest(Guid? UnitId, Guid? ClusterId, DateTimeOffset? Until, [property: StringLength(ReportOpening.ReasonMaxLength)] string? Reason);

/// <summary>A figure of the form: what DoanKhoi counted for the period, and what was sent last (with its reason).</summary>
public sealed record FigureField(
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    [property: StringLength(TargetProgramme.NameMaxLength)] string Name,
    long? Counted, long? Sent, [property: StringLength(Report.ReasonMaxLength)] string? Reason);

/// <summary>A report's form: <see cref="Open"/> says whether it can be sent now.</summary>
public sealed record ReportForm(
    [property: Range(2000, 2100)] int Year,
    ReportDefinition Report,
    SubmitterLevel Level,
    Guid SubmitterId,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string SubmitterName,
    DateTimeOffset Deadline,
    CalendarState State,
    bool Open,
    DateTimeOffset? OpenUntil,
    [property: MaxLength(TargetProgramme.MaxFigures)] List<FigureField> Figures,
    ReportView? Sent);

public sealed record ReportView(
    Guid Id,
    [property: Range(2000, 2100)] int Year,
    [property: StringLength(TargetProgramme.CodeMaxLength)] string Code,
    SubmitterLevel Level,
    Guid SubmitterId,
    ReportState State,
    bool OnTime,
    DateTimeOffset FirstSubmittedAt,
    [property: StringLength(Report.CommentMaxLength)] string? ReviewComment,
    [property: StringLength(200)] string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    [property: MaxLength(1000)] List<ReportVersion> Versions,
    /// <summary>The documents the versions name (by id), with their file names and sizes.</summary>
    [property: MaxLength(10_000)] List<AttachmentView> Attachments)
{
    public static async Task<ReportView> FromAsync(ReportingDbContext db, Report r, CancellationToken ct)
    {
        Guid[] ids = [.. r.Versions.SelectMany(v => v.AttachmentIds).Distinct()];
        var attachments = ids.Length == 0 ? []
            : await db.ReportAttachments.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return new(r.Id, r.Year, r.Code, r.Level, r.SubmitterId, r.State, r.OnTime, r.FirstSubmittedAt,
            r.ReviewComment, r.ReviewedBy, r.ReviewedAt, [.. r.Versions.OrderByDescending(v => v.Number)], [.. attachments.Select(AttachmentView.From)]);
    }
}

public sealed record AttachmentView(Guid Id, [property: StringLength(ReportAttachment.FileNameMaxLength)] string FileName,
    [property: StringLength(100)] string ContentType, [property: Range(0, ReportAttachment.MaxBytes)] long Size, DateTimeOffset UploadedAt)
{
    public static AttachmentView From(ReportAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt);
}

public sealed record OpeningView(Guid Id, Guid SubmitterId, DateTimeOffset OpenUntil, [property: StringLength(ReportOpening.ReasonMaxLength)] string Reason,
    [property: StringLength(200)] string GrantedBy, DateTimeOffset GrantedAt);
