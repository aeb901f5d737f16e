using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Emulation clusters (cụm thi đua).</summary>
public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Policies.Read);
        clusters.MapPost("/", CreateCluster).RequireAuthorization(Policies.Write).WithSummary("Create an emulation cluster (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, "A cluster with this code exists already: `errors` names `code`.")
            .WithProblem(StatusCodes.Status422UnprocessableEntity, $"The bloc has {OrganisationLimits.MaxClusters} clusters already.");
        clusters.MapGet("/", ListClusters).WithSummary("List the emulation clusters the caller reaches, with their number of open units")
            .WithMaxItems(OrganisationLimits.MaxClusters);
        clusters.MapGet("/{id:guid}", GetCluster).WithName(nameof(GetCluster)).WithSummary("Get an emulation cluster");
        clusters.MapPut("/{id:guid}/name", RenameCluster).RequireAuthorization(Policies.Write).WithSummary("Rename an emulation cluster (bloc office)")
            .WithProblem(StatusCodes.Status409Conflict, "Someone else changed the cluster meanwhile: reload it and try again.");
        return app;
    }

    public static async Task<CreatedAtRoute<ClusterResponse>> CreateCluster(CreateClusterRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        caller.EnsureBlocOffice("create a cluster");
        var errors = new FieldErrors();
        var code = errors.Check(() => OrganisationCode.From(request.Code));
        var name = errors.Check(() => OrganisationName.From(request.Name));
        errors.ThrowIfAny();

        if (await db.Clusters.AnyAsync(c => c.Code == code!.Value, ct))
            throw new ConflictException($"A cluster with code '{code}' already exists.", "code");
        Cluster.EnsureRoomInBloc(await db.Clusters.CountAsync(ct));

        var cluster = Cluster.Create(code!, name!, clock.GetUtcNow());
        db.Clusters.Add(cluster);
        db.AddEvent(new ClusterCreated { Cluster = cluster.ToSnapshot(), OccurredAt = cluster.CreatedAt }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ClusterResponse.From(cluster, 0), nameof(GetCluster), new { id = cluster.Id });
    }

    public static async Task<Ok<List<ClusterResponse>>> ListClusters(Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        var rows = await db.Clusters.VisibleTo(caller, db)
            .OrderBy(c => c.Code)
            .Select(c => new { Cluster = c, OpenUnits = db.Units.Count(u => u.ClusterId == c.Id && u.Status == UnitStatus.Open) })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ClusterResponse.From(r.Cluster, r.OpenUnits)).ToList());
    }

    public static async Task<Ok<ClusterResponse>> GetCluster(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct)
    {
        var cluster = await LoadAsync(db, caller, id, ct);
        var openUnits = await db.Units.CountAsync(u => u.ClusterId == id && u.Status == UnitStatus.Open, ct);
        return TypedResults.Ok(ClusterResponse.From(cluster, openUnits));
    }

    public static async Task<Ok<ClusterResponse>> RenameCluster(Guid id, RenameRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = OrganisationName.From(request.Name);
        var cluster = await LoadAsync(db, caller, id, ct);
        caller.EnsureBlocOffice("rename a cluster");
        if (cluster.Rename(name) is { } previous)
        {
            db.AddEvent(new ClusterRenamed { Cluster = cluster.ToSnapshot(), PreviousName = previous, OccurredAt = clock.GetUtcNow() }, clock);
            await db.SaveChangesAsync(ct);
        }
        var openUnits = await db.Units.CountAsync(u => u.ClusterId == id && u.Status == UnitStatus.Open, ct);
        return TypedResults.Ok(ClusterResponse.From(cluster, openUnits));
    }

    private static async Task<Cluster> LoadAsync(MembershipDbContext db, Caller caller, Guid id, CancellationToken ct) =>
        await db.Clusters.VisibleTo(caller, db).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? (await db.Clusters.AnyAsync(c => c.Id == id, ct) ? throw new OutOfReachException("cluster", id) : throw new NotFoundException("cluster", id));
}

public sealed record CreateClusterRequest(
    [property: StringLength(OrganisationCode.MaxLength)] string? Code,
    [property: StringLength(OrganisationName.MaxLength)] string? Name);

public sealed record RenameRequest([property: StringLength(OrganisationName.MaxLength)] string? Name);

public sealed record ClusterResponse(
    Guid Id,
    [property: StringLength(OrganisationCode.MaxLength)] string Code,
    [property: StringLength(OrganisationName.MaxLength)] string Name,
    [property: Range(0, OrganisationLimits.MaxOpenUnits)] int OpenUnits,
    DateTimeOffset CreatedAt,
    [property: Range(1, int.MaxValue)] int Version)
{
    public static ClusterResponse From(Cluster c, int openUnits) => new(c.Id, c.Code, c.Name, openUnits, c.CreatedAt, c.Version);
}
