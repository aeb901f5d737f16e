using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>The bloc's open units by name, for every post: a secretary sending a member to another unit
/// (any open unit of the bloc may receive) names it from here, though it is outside their reach. It
/// says only what the bloc's own letterheads say: name, code and cluster.</summary>
public static class UnitDirectoryApi
{
    public const int MaxListed = OrganisationLimits.MaxOpenUnits;

    public static IEndpointRouteBuilder MapUnitDirectoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/unit-directory", List).WithTags("Units").RequireAuthorization(Policies.Read)
            .WithSummary("Every open unit of the bloc (name, code, cluster), whoever asks, by text that ignores diacritics and case: where a transfer can go")
            .WithMaxItems(MaxListed);
        return app;
    }

    public static async Task<Ok<List<DirectoryUnit>>> List(MembershipDbContext db, CancellationToken ct,
        [FromQuery, StringLength(VietnameseText.MaxQueryLength)] string? q = null)
    {
        var errors = new FieldErrors();
        errors.CheckLength("q", q, VietnameseText.MaxQueryLength);
        errors.ThrowIfAny();
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).Matching(q).OrderBy(u => u.NameFolded).ThenBy(u => u.Code).Take(MaxListed)
            .Join(db.Clusters, u => u.ClusterId, c => c.Id, (u, c) => new DirectoryUnit(u.Id, u.Code, u.Name, c.Name))
            .ToListAsync(ct);
        return TypedResults.Ok(units);
    }
}

public sealed record DirectoryUnit(
    Guid Id,
    [property: StringLength(Domain.OrganisationCode.MaxLength)] string Code,
    [property: StringLength(Domain.OrganisationName.MaxLength)] string Name,
    [property: StringLength(Domain.OrganisationName.MaxLength)] string ClusterName);
