using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Membership.Apis;

/// <summary>The whole organisation tree: bloc → clusters → open units → branches.</summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tree", GetTree).WithTags("Organisation").RequireAuthorization(Policies.Read)
            .WithSummary("The bloc with its clusters, open units and branches, as far as the caller reaches");
        return app;
    }

    public static async Task<Ok<TreeResponse>> GetTree(Caller caller, MembershipDbContext db, IOptions<OrganisationOptions> options, CancellationToken ct)
    {
        var clusters = await db.Clusters.AsNoTracking().VisibleTo(caller, db).OrderBy(c => c.Code).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().VisibleTo(caller, db).Where(u => u.Status == UnitStatus.Open).OrderBy(u => u.NameFolded).ToListAsync(ct);
        var branches = (await db.Branches.AsNoTracking().OrderBy(b => b.NameFolded).ToListAsync(ct)).ToLookup(b => b.UnitId);
        var unitsByCluster = units.ToLookup(u => u.ClusterId);
        return TypedResults.Ok(new TreeResponse(options.Value.BlocName, clusters.Select(c => new TreeCluster(
            c.Id, c.Code, c.Name, unitsByCluster[c.Id].Select(u => new TreeUnit(
                u.Id, u.Code, u.Name, u.Kind, branches[u.Id].Select(b => new TreeBranch(b.Id, b.Name)).ToList())).ToList())).ToList()));
    }
}

/// <summary>Section "Organisation": the bloc this deployment serves.</summary>
public sealed class OrganisationOptions
{
    [Required, StringLength(OrganisationLimits.NameMaxLength)]
    public string BlocName { get; set; } = "Đoàn Khối các cơ quan tỉnh Lạng Sơn";
}

public sealed record TreeResponse(
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Bloc,
    [property: MaxLength(OrganisationLimits.MaxClusters)] IReadOnlyList<TreeCluster> Clusters);

public sealed record TreeCluster(
    Guid Id,
    [property: StringLength(OrganisationLimits.CodeMaxLength)] string Code,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    [property: MaxLength(OrganisationLimits.MaxOpenUnits)] IReadOnlyList<TreeUnit> Units);

public sealed record TreeUnit(
    Guid Id,
    [property: StringLength(OrganisationLimits.CodeMaxLength)] string Code,
    [property: StringLength(OrganisationLimits.NameMaxLength)] string Name,
    UnitKind Kind,
    [property: MaxLength(OrganisationLimits.MaxBranchesPerUnit)] IReadOnlyList<TreeBranch> Branches);

public sealed record TreeBranch(Guid Id, [property: StringLength(OrganisationLimits.NameMaxLength)] string Name);
