using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;
using DoanKhoi.Organisation;
using DoanKhoi.Reporting.Infrastructure;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Reporting.Apis;

/// <summary>Reporting's copy of the organisation tree, as it has heard it from membership.</summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var organisation = app.MapGroup("/organisation").WithTags("Organisation").RequireAuthorization(Policies.Read);
        organisation.MapGet("/clusters", ListClusters).WithSummary("The emulation clusters reporting knows")
            .WithMaxItems(OrganisationLimits.MaxClusters);
        organisation.MapGet("/units", ListUnits).WithSummary("The units reporting knows: by cluster, status, and text that ignores diacritics, a page at a time");
        organisation.MapGet("/units/{id:guid}", GetUnit).WithSummary("One unit as reporting knows it");
        return app;
    }

    public static async Task<Ok<List<ClusterView>>> ListClusters(Caller caller, ReportingDbContext db, CancellationToken ct)
    {
        var clusters = await db.Clusters.AsNoTracking().VisibleTo(caller, db).OrderBy(c => c.Code).ToListAsync(ct);
        return TypedResults.Ok(clusters.Select(c => new ClusterView(c.Id, c.Code, c.Name, c.Version)).ToList());
    }

    public static async Task<Ok<PagedList<UnitView>>> ListUnits(Caller caller, ReportingDbContext db, CancellationToken ct,
        [FromQuery] Guid? clusterId = null, [FromQuery, AllowedValues("open", "closed", "all")] string? status = null,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();

        var query = db.Units.AsNoTracking().VisibleTo(caller, db);
        if (clusterId is { } cid) query = query.Where(u => u.ClusterId == cid);
        query = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "open" => query.Where(u => u.Status == UnitStatus.Open),
            "closed" => query.Where(u => u.Status == UnitStatus.Closed),
            "all" => query,
            _ => throw new ValidationFailedException("status", $"'{status}' is not a status: use open, closed or all."),
        };
        foreach (var pattern in VietnameseText.ContainsPatterns(q))
            query = query.Where(u => EF.Functions.Like(u.NameFolded, pattern));
        var total = await query.CountAsync(ct);
        var units = await query.OrderBy(u => u.NameFolded).ThenBy(u => u.Code).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<UnitView>(units.Select(UnitView.From).ToList(), total, page, pageSize));
    }

    public static async Task<Ok<UnitView>> GetUnit(Guid id, Caller caller, ReportingDbContext db, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().VisibleTo(caller, db).FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? (await db.Units.AnyAsync(u => u.Id == id, ct) ? throw new OutOfReachException("unit", id) : throw new NotFoundException("unit", id));
        return TypedResults.Ok(UnitView.From(unit));
    }
}

public sealed record ClusterView(
    Guid Id,
    [property: StringLength(OrganisationLimits.CodeMaxLength)] string Code,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    [property: Range(1, int.MaxValue)] int Version);

public sealed record UnitView(
    Guid Id,
    [property: StringLength(OrganisationLimits.CodeMaxLength)] string Code,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    UnitKind Kind,
    Guid ClusterId,
    UnitStatus Status,
    DateOnly? ClosedOn,
    [property: Range(1, int.MaxValue)] int Version)
{
    public static UnitView From(UnitCopy u) => new(u.Id, u.Code, u.Name, u.Kind, u.ClusterId, u.Status, u.ClosedOn, u.Version);
}
