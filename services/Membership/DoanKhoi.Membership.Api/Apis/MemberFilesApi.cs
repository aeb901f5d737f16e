using DoanKhoi.Files;
using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Files;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Members to and from spreadsheets (.xlsx and .csv): the template, the import and the export.
/// <para>The import is stateless: the preview and the commit are the same request on the same file,
/// <c>commit=false</c> then <c>commit=true</c>, and the commit checks every row again against the bloc as
/// it is then. Nothing of an uploaded file (personal data, Nghị định 13/2023) is kept between two
/// requests, there is no preview to expire or clean up, any instance of the service can answer either,
/// and a commit records exactly what a preview of the same file would show; a member recorded in
/// between is "already recorded", not a duplicate. Re-sending up to 20 MB is the price.</para></summary>
public static class MemberFilesApi
{
    private const string FileLimits = "413: the file is over 20 MB or 50,000 rows. 415: the file is not an .xlsx or .csv spreadsheet (judged by its content).";

    public static IEndpointRouteBuilder MapMemberFilesApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/members").WithTags("Member files");
        members.MapGet("/import-template", GetTemplate).RequireAuthorization(Policies.Read)
            .WithSummary("The member sheet to fill in (.xlsx with a guide sheet, or .csv): the Vietnamese headers and a sample row")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        members.MapGet("/export", ExportMembers).RequireAuthorization(Policies.Read)
            .WithSummary("The members a list shows (the same filters as GET /members) as .xlsx or .csv; the CCCD whole and the ethnicity only where the caller reads personal data (the export is then recorded)")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        Import(members.MapPost("/import", ImportIntoBloc)
            .WithSummary("Preview or commit members of many units from one sheet with a unit column (bloc office)"));
        Import(app.MapPost("/units/{unitId:guid}/members/import", ImportIntoUnit).WithTags("Member files")
            .WithSummary("Preview (commit=false) or commit (commit=true) a unit's members from an .xlsx or .csv sheet (bloc office or the unit's secretary)")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The unit is closed: it takes no new members."));
        return app;
    }

    private static void Import(RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(Policies.Write)
        .DisableAntiforgery()   // a bearer token, no cookie: nothing to forge
        .WithMetadata(new RequestSizeLimitAttribute(SpreadsheetFile.MaxBytes + 1024 * 1024))
        .WithProblem(StatusCodes.Status400BadRequest, "No file in the form field 'file', or a required column is missing: `errors.file` names each.")
        .WithProblem(StatusCodes.Status409Conflict, "A member of the file was recorded by someone else during the commit: nothing was imported; preview again.")
        .WithProblem(StatusCodes.Status413PayloadTooLarge, FileLimits)
        .WithProblem(StatusCodes.Status415UnsupportedMediaType, FileLimits);

    public static FileContentHttpResult GetTemplate([FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx") =>
        IsCsv(format)
            ? TypedResults.File(MemberTemplate.Csv, TableFile.CsvContentType + "; charset=utf-8", "mau-doan-vien.csv")
            : TypedResults.File(MemberTemplate.Xlsx, TableFile.XlsxContentType, "mau-doan-vien.xlsx");

    public static async Task<Ok<MemberImportReport>> ImportIntoUnit(Guid unitId, IFormFile? file, Caller caller, MembershipDbContext db, TimeProvider clock,
        HttpContext http, CancellationToken ct, [FromQuery] bool commit = false)
    {
        var (unit, _) = await MembersApi.LoadUnitAsync(db, caller, unitId, null, ct);
        caller.EnsureKeepsMembersOf(unit, "import its members");
        if (unit.Status == UnitStatus.Closed) throw new DomainRuleException($"The unit {unit.Name} was closed on {unit.ClosedOn:dd/MM/yyyy}; it takes no new members.");
        var sheet = await ReadAsync(file, unitRequired: false, ct);
        return TypedResults.Ok(await new MemberImport(db, caller, VietnamTime.Today(clock), clock.GetUtcNow()).RunAsync(sheet, unit, commit, ProblemLanguage.CatalogueFor(http), ct));
    }

    public static async Task<Ok<MemberImportReport>> ImportIntoBloc(IFormFile? file, Caller caller, MembershipDbContext db, TimeProvider clock,
        HttpContext http, CancellationToken ct, [FromQuery] bool commit = false)
    {
        if (!caller.IsBlocOffice)
            throw new ForbiddenException("Importing the members of many units at once is for the bloc office; a unit's secretary imports into their unit (POST /units/{unitId}/members/import).");
        var sheet = await ReadAsync(file, unitRequired: true, ct);
        return TypedResults.Ok(await new MemberImport(db, caller, VietnamTime.Today(clock), clock.GetUtcNow()).RunAsync(sheet, null, commit, ProblemLanguage.CatalogueFor(http), ct));
    }

    private static async Task<MemberSheet> ReadAsync(IFormFile? file, bool unitRequired, CancellationToken ct)
    {
        if (file is null) throw new ValidationFailedException("file", "Attach the spreadsheet (.xlsx or .csv) as the form field 'file'.");
        if (file.Length > SpreadsheetFile.MaxBytes)
            throw new PayloadTooLargeException($"The file is {file.Length / (1024.0 * 1024):0.#} MB; at most {SpreadsheetFile.MaxBytes / (1024 * 1024)} MB are imported at once: split it.");
        var copy = new MemoryStream((int)file.Length);
        await file.CopyToAsync(copy, ct);
        copy.Position = 0;
        var kind = SpreadsheetFile.Recognise(copy);
        return MemberSheet.Read(SpreadsheetFile.Rows(copy, kind), unitRequired);
    }

    public static async Task<IResult> ExportMembers(
        Caller caller, MembershipDbContext db, AuditActor actor, TimeProvider clock, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery, StringLength(MemberFilter.MaxQueryLength)] string? q = null, [FromQuery] Guid? unitId = null, [FromQuery] Guid? branchId = null,
        [FromQuery] Guid? clusterId = null,
        [FromQuery, AllowedValues("current", "active", "inTransfer", "matured", "left", "all")] string? status = null,
        [FromQuery, AllowedValues("male", "female")] string? gender = null, [FromQuery, StringLength(MemberLimits.EthnicityText)] string? ethnicity = null,
        [FromQuery, Range(0, 120)] int? ageFrom = null, [FromQuery, Range(0, 120)] int? ageTo = null,
        [FromQuery, AllowedValues("none", "recommended", "partyMember")] string? partyStatus = null,
        [FromQuery, AllowedValues("secretary", "deputySecretary", "committeeMember")] string? post = null)
    {
        var today = VietnamTime.Today(clock);
        var filter = new MemberFilter(q, unitId, branchId, clusterId, status, gender, ethnicity, ageFrom, ageTo, partyStatus, post);
        var errors = new FieldErrors();
        if (format is not null && !IsCsv(format) && !format.Trim().Equals("xlsx", StringComparison.OrdinalIgnoreCase))
            errors.Add("format", $"'{format}' is not a file format: use xlsx or csv.");
        var scope = await MemberScope.OfAsync(caller, db, ct);
        var query = filter.Apply(scope.Apply(db.Members.AsNoTracking()), caller, db, today, errors);
        errors.ThrowIfAny();

        // Nghị định 13/2023: an export that holds personal data is on the record, once per unit whose members it holds.
        var units = await query.GroupBy(m => m.UnitId).Select(g => new { UnitId = g.Key, Members = g.Count() }).ToListAsync(ct);
        var csv = IsCsv(format);
        foreach (var unit in units.Where(u => caller.SeesPersonalDataIn(u.UnitId)))
            db.RecordPersonalDataAccess(actor, AuditAction.ExportedPersonalData, "MemberList", $"{(csv ? "csv" : "xlsx")} {unit.UnitId}", unit.UnitId,
                new { fields = new[] { "citizenId", "ethnicity", "phone", "email" }, members = unit.Members, filter }, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);

        var unitIds = units.Select(u => u.UnitId).ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Name, u.Code), ct);
        var branchNames = await db.Branches.AsNoTracking().Where(b => unitIds.Contains(b.UnitId)).ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var rows = query.InListOrder()
            .Select(m => new ExportedMember(m.Id, m.FullName, m.DateOfBirth, m.Gender, m.EthnicityCode, m.CitizenId, m.Phone, m.Email, m.JoinedUnionOn,
                m.CardNumber, m.UnitId, m.BranchId,
                m.Posts.Where(p => p.From <= today && (p.To == null || p.To >= today)).Select(p => (UnionPost?)p.Post).FirstOrDefault(),
                m.IsCadre, m.PartyStatus, m.Status));
        string?[] Cells(ExportedMember m) => MemberExport.Cells(m, caller.SeesPersonalDataIn(m.UnitId) || caller.IsMemberThemself(m.Id),
            id => unitNames.GetValueOrDefault(id, ("", "")), id => id is { } b ? branchNames.GetValueOrDefault(b) : null, today);

        var name = $"doan-vien-{today:yyyy-MM-dd}";
        if (csv)
            return TypedResults.Stream(body => MemberExport.WriteCsvAsync(body, Stream(rows, Cells, ct), ct), TableFile.CsvContentType + "; charset=utf-8", name + ".csv");

        // MiniExcel writes synchronously to a seekable stream: a temporary file, streamed back and deleted on close.
        var path = Path.GetTempFileName();
        try
        {
            await Task.Run(() =>
            {
                using var file = File.Create(path);
                MemberExport.WriteXlsx(file, rows.AsEnumerable().Select(Cells));
            }, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var result = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.Stream(result, TableFile.XlsxContentType, name + ".xlsx");
    }

    private static async IAsyncEnumerable<string?[]> Stream(IQueryable<ExportedMember> rows, Func<ExportedMember, string?[]> cells, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct)) yield return cells(row);
    }

    private static bool IsCsv(string? format) => format?.Trim().Equals("csv", StringComparison.OrdinalIgnoreCase) == true;
}
