using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Files;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Grassroots units (cơ sở Đoàn) and their branches (chi đoàn).</summary>
public static class UnitsApi
{
    public const int MaxPageSize = Paging.MaxPageSize;

    private const string ChangedMeanwhile = "Someone else changed the unit meanwhile: reload it and try again.";
    private const string Closed = "The unit is closed: it can no longer change.";

    public static IEndpointRouteBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/units").WithTags("Units").RequireAuthorization(Policies.Read);
        units.MapPost("/", CreateUnit).RequireAuthorization(Policies.Write).WithSummary("Create a grassroots unit in a cluster (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, "A unit with this code exists already: `errors` names `code`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, $"The bloc has {OrganisationLimits.MaxOpenUnits} open units already.");
        units.MapGet("/", ListUnits).WithSummary("List the units the caller reaches: by cluster, kind, status, and text that ignores diacritics and case");
        units.MapGet("/export", ExportUnits).WithSummary("The units (the same filters as GET /units, every page) as .xlsx or .csv, by name")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        units.MapGet("/{id:guid}", GetUnit).WithName(nameof(GetUnit)).WithSummary("Get a unit");
        units.MapPut("/{id:guid}/name", RenameUnit).RequireAuthorization(Policies.Write).WithSummary("Rename a unit (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, ChangedMeanwhile)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, Closed);
        units.MapPut("/{id:guid}/cluster", MoveUnit).RequireAuthorization(Policies.Write).WithSummary("Move a unit to another emulation cluster (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, ChangedMeanwhile)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, Closed);
        units.MapPost("/{id:guid}/close", CloseUnit).RequireAuthorization(Policies.Write).WithSummary("Close a unit; it is kept with its history (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, ChangedMeanwhile)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "The unit is closed already.");
        units.MapGet("/{id:guid}/history", GetUnitHistory).WithSummary("The changes of a unit, oldest first, a page at a time");
        units.MapPost("/{id:guid}/branches", CreateBranch).RequireAuthorization(Policies.Write).WithSummary("Add a branch (chi đoàn) to a unit (bloc office or the unit's secretary)")
            .WithProblem(StatusCodes.Status409Conflict, "The unit has a branch of this name already: `errors` names `name`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, $"The unit is closed, or has {OrganisationLimits.MaxBranchesPerUnit} branches already.");
        units.MapGet("/{id:guid}/branches", ListBranches).WithName(nameof(ListBranches)).WithSummary("The branches of a unit")
            .WithMaxItems(OrganisationLimits.MaxBranchesPerUnit);
        return app;
    }

    public static async Task<CreatedAtRoute<UnitResponse>> CreateUnit(CreateUnitRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureBlocOffice("create a unit");
        var errors = new FieldErrors();
        var code = errors.Check(() => OrganisationCode.From(request.Code));
        var name = errors.Check(() => OrganisationName.From(request.Name));
        var kind = errors.Check(() => ParseKind(request.Kind, "kind"));
        if (request.ClusterId is null || request.ClusterId == Guid.Empty) errors.Add("clusterId", "A cluster is required.");
        errors.ThrowIfAny();

        var cluster = await db.Clusters.FindAsync([request.ClusterId!.Value], ct)
            ?? throw new ValidationFailedException("clusterId", $"There is no cluster with id '{request.ClusterId}'.");
        if (await db.Units.AnyAsync(u => u.Code == code!.Value, ct))
            throw new ConflictException($"A unit with code '{code}' already exists.", "code");
        Unit.EnsureRoomInBloc(await db.Units.CountAsync(u => u.Status == UnitStatus.Open, ct));

        var unit = Unit.Create(code!, name!, kind, cluster, clock.GetUtcNow());
        db.Units.Add(unit);
        db.AddEvent(new UnitCreated { Unit = unit.ToSnapshot(), OccurredAt = unit.CreatedAt }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(UnitResponse.From(unit, cluster), nameof(GetUnit), new { id = unit.Id });
    }

    /// <summary>The units whose name (diacritics and case ignored) or code holds every word of <paramref name="q"/>.</summary>
    internal static IQueryable<Unit> Matching(this IQueryable<Unit> units, string? q)
    {
        foreach (var pattern in VietnameseText.ContainsPatterns(q))
        {
            var codePattern = pattern.ToUpperInvariant();
            units = units.Where(u => EF.Functions.Like(u.NameFolded, pattern) || EF.Functions.Like(u.Code, codePattern));
        }
        return units;
    }

    public static async Task<Ok<PagedList<UnitResponse>>> ListUnits(
        Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery] Guid? clusterId = null, [FromQuery, AllowedValues("agency", "enterprise", "school")] string? kind = null,
        [FromQuery, AllowedValues("open", "closed", "all")] string? status = null, [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        var kindFilter = kind is null ? (UnitKind?)null : errors.Check(() => ParseKind(kind, "kind"));
        var statusFilter = errors.Check(() => ParseStatus(status));
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize, MaxPageSize);
        errors.ThrowIfAny();

        var query = db.Units.AsNoTracking().VisibleTo(caller, db);
        if (clusterId is { } cid) query = query.Where(u => u.ClusterId == cid);
        if (kindFilter is { } k) query = query.Where(u => u.Kind == k);
        if (statusFilter is { } s) query = query.Where(u => u.Status == s);
        query = query.Matching(q);

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(u => u.NameFolded).ThenBy(u => u.Code)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Join(db.Clusters, u => u.ClusterId, c => c.Id, (u, c) => new { Unit = u, Cluster = c })
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<UnitResponse>(rows.Select(r => UnitResponse.From(r.Unit, r.Cluster)).ToList(), total, page, pageSize));
    }

    private static readonly string[] ExportHeaders = ["Mã", "Tên cơ sở Đoàn", "Loại hình", "Mã cụm", "Cụm thi đua", "Tình trạng", "Ngày giải thể", "Lý do"];

    public static async Task<FileContentHttpResult> ExportUnits(
        Caller caller, MembershipDbContext db, CancellationToken ct, [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery] Guid? clusterId = null, [FromQuery, AllowedValues("agency", "enterprise", "school")] string? kind = null,
        [FromQuery, AllowedValues("open", "closed", "all")] string? status = null, [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null)
    {
        TableFile.CheckFormat(format);
        var rows = new List<object?[]>();
        for (var page = 1; ; page++)
        {
            var list = (await ListUnits(caller, db, ct, clusterId, kind, status, q, page, MaxPageSize)).Value!;
            rows.AddRange(list.Items.Select(u => new object?[]
            {
                TableFile.Neutralise(u.Code), TableFile.Neutralise(u.Name),
                u.Kind switch { UnitKind.Agency => "Cơ quan", UnitKind.Enterprise => "Doanh nghiệp", _ => "Trường học" },
                TableFile.Neutralise(u.ClusterCode), TableFile.Neutralise(u.ClusterName), u.Status == UnitStatus.Open ? "Đang hoạt động" : "Đã giải thể",
                u.ClosedOn is { } closed ? TableFile.Date(closed) : null, TableFile.Neutralise(u.CloseReason),
            }));
            if (page * MaxPageSize >= list.Total) break;
        }
        return TableFile.Result(format, ExportHeaders, rows, "Cơ sở Đoàn", "co-so-doan");
    }

    public static async Task<Ok<UnitResponse>> GetUnit(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        var (unit, cluster) = await LoadAsync(db, caller, id, ct);
        return TypedResults.Ok(UnitResponse.From(unit, cluster));
    }

    public static async Task<Ok<UnitResponse>> RenameUnit(Guid id, RenameRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = OrganisationName.From(request.Name);
        var (unit, cluster) = await LoadAsync(db, caller, id, ct);
        caller.EnsureBlocOffice("rename a unit");
        if (unit.Rename(name, clock.GetUtcNow()) is { } previous)
        {
            db.AddEvent(new UnitRenamed { Unit = unit.ToSnapshot(), PreviousName = previous, OccurredAt = clock.GetUtcNow() }, clock);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(UnitResponse.From(unit, cluster));
    }

    public static async Task<Ok<UnitResponse>> MoveUnit(Guid id, MoveUnitRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.ClusterId is null || request.ClusterId == Guid.Empty) throw new ValidationFailedException("clusterId", "A cluster is required.");
        var (unit, _) = await LoadAsync(db, caller, id, ct);
        // A unit's secretary sees the unit but cannot move it: which cluster a unit is in is the bloc's decision.
        if (!caller.IsBlocOffice) throw new ForbiddenException("Only the bloc office (Văn phòng Đoàn Khối) may move a unit to another cluster.", "clusterId");
        var target = await db.Clusters.FindAsync([request.ClusterId.Value], ct)
            ?? throw new ValidationFailedException("clusterId", $"There is no cluster with id '{request.ClusterId}'.");
        if (unit.MoveTo(target, clock.GetUtcNow()) is { } previous)
        {
            db.AddEvent(new UnitMoved { Unit = unit.ToSnapshot(), PreviousClusterId = previous, OccurredAt = clock.GetUtcNow() }, clock);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok(UnitResponse.From(unit, target));
    }

    public static async Task<Ok<UnitResponse>> CloseUnit(Guid id, CloseUnitRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (unit, cluster) = await LoadAsync(db, caller, id, ct);
        caller.EnsureBlocOffice("close a unit");
        var now = clock.GetUtcNow();
        unit.Close(request.ClosedOn ?? VietnamTime.Today(clock), request.Reason, now);
        db.AddEvent(new UnitClosed { Unit = unit.ToSnapshot(), Reason = unit.CloseReason, OccurredAt = now }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UnitResponse.From(unit, cluster));
    }

    public static async Task<Ok<PagedList<UnitHistoryResponse>>> GetUnitHistory(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize, MaxPageSize);
        errors.ThrowIfAny();
        var (unit, _) = await LoadAsync(db, caller, id, ct);
        var changes = unit.History.OrderBy(h => h.Version).Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(h => new UnitHistoryResponse(h.Version, h.Change, h.From, h.To, h.At)).ToList();
        return TypedResults.Ok(new PagedList<UnitHistoryResponse>(changes, unit.History.Count, page, pageSize));
    }

    public static async Task<CreatedAtRoute<BranchResponse>> CreateBranch(Guid id, CreateBranchRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = OrganisationName.From(request.Name);
        var (unit, _) = await LoadAsync(db, caller, id, ct);
        caller.EnsureKeepsUnit(unit, "add a branch to it");
        if (await db.Branches.AnyAsync(b => b.UnitId == id && b.NameFolded == name.Folded, ct))
            throw new ConflictException($"The unit already has a branch named '{name}'.", "name");
        var branch = Branch.Create(unit, name, clock.GetUtcNow());
        Branch.EnsureRoomIn(unit, await db.Branches.CountAsync(b => b.UnitId == id, ct));
        db.Branches.Add(branch);
        db.AddEvent(new BranchCreated { Branch = branch.ToSnapshot(), OccurredAt = branch.CreatedAt }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(BranchResponse.From(branch), nameof(ListBranches), new { id });
    }

    public static async Task<Ok<List<BranchResponse>>> ListBranches(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        await LoadAsync(db, caller, id, ct);
        var branches = await db.Branches.AsNoTracking().Where(b => b.UnitId == id).OrderBy(b => b.NameFolded).ToListAsync(ct);
        return TypedResults.Ok(branches.Select(BranchResponse.From).ToList());
    }

    /// <summary>The unit, if the caller reaches it; one out of reach is "not found", like one that does not exist.</summary>
    private static async Task<(Unit Unit, Cluster Cluster)> LoadAsync(MembershipDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        var unit = await db.Units.VisibleTo(caller, db).FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? (await db.Units.AnyAsync(u => u.Id == id, ct) ? throw new OutOfReachException("unit", id) : throw new NotFoundException("unit", id));
        var cluster = await db.Clusters.FirstAsync(c => c.Id == unit.ClusterId, ct);
        return (unit, cluster);
    }

    internal static UnitKind ParseKind(string? text, string field) =>
        Enum.TryParse<UnitKind>(text?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
            ? kind
            : throw new ValidationFailedException(field, string.IsNullOrWhiteSpace(text)
                ? "A unit kind is required: agency, enterprise or school."
                : $"'{text}' is not a unit kind: use agency, enterprise or school.");

    private static UnitStatus? ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "open" => UnitStatus.Open,
        "closed" => UnitStatus.Closed,
        "all" => null,
        _ => throw new ValidationFailedException("status", $"'{text}' is not a status: use open, closed or all."),
    };

}

public sealed record CreateUnitRequest(
    [property: StringLength(OrganisationCode.MaxLength)] string? Code,
    [property: StringLength(OrganisationName.MaxLength)] string? Name,
    [property: AllowedValues("agency", "enterprise", "school")] string? Kind,
    Guid? ClusterId);

public sealed record MoveUnitRequest(Guid? ClusterId);

public sealed record CloseUnitRequest(DateOnly? ClosedOn, [property: StringLength(Unit.MaxCloseReasonLength)] string? Reason);

public sealed record CreateBranchRequest([property: StringLength(OrganisationName.MaxLength)] string? Name);

public sealed record UnitResponse(
    Guid Id,
    [property: StringLength(OrganisationCode.MaxLength)] string Code,
    [property: StringLength(OrganisationName.MaxLength)] string Name,
    UnitKind Kind,
    Guid ClusterId,
    [property: StringLength(OrganisationCode.MaxLength)] string ClusterCode,
    [property: StringLength(OrganisationName.MaxLength)] string ClusterName,
    UnitStatus Status,
    DateOnly? ClosedOn,
    [property: StringLength(Unit.MaxCloseReasonLength)] string? CloseReason,
    DateTimeOffset CreatedAt,
    [property: Range(1, int.MaxValue)] int Version)
{
    public static UnitResponse From(Unit u, Cluster c) =>
        new(u.Id, u.Code, u.Name, u.Kind, u.ClusterId, c.Code, c.Name, u.Status, u.ClosedOn, u.CloseReason, u.CreatedAt, u.Version);
}

public sealed record UnitHistoryResponse(
    [property: Range(1, int.MaxValue)] int Version,
    UnitChange Change,
    [property: StringLength(Unit.MaxHistoryTextLength)] string? From,
    [property: StringLength(Unit.MaxHistoryTextLength)] string? To,
    DateTimeOffset At);

public sealed record BranchResponse(Guid Id, Guid UnitId, [property: StringLength(OrganisationName.MaxLength)] string Name, DateTimeOffset CreatedAt)
{
    public static BranchResponse From(Branch b) => new(b.Id, b.UnitId, b.Name, b.CreatedAt);
}
