using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>Emulation clusters (cụm thi đua).</summary>
public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClustersApi(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/clusters").WithTags("Clusters");
        clusters.MapPost("/", CreateCluster).WithSummary("Create an emulation cluster");
        clusters.MapGet("/", ListClusters).WithSummary("List the emulation clusters with their number of open units");
        clusters.MapGet("/{id:guid}", GetCluster).WithName(nameof(GetCluster)).WithSummary("Get an emulation cluster");
        clusters.MapPut("/{id:guid}/name", RenameCluster).WithSummary("Rename an emulation cluster");
        return app;
    }

    public static async Task<CreatedAtRoute<ClusterResponse>> CreateCluster(CreateClusterRequest request, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = errors.Check(() => OrganisationCode.From(request.Code));
        var name = errors.Check(() => OrganisationName.From(request.Name));
        errors.ThrowIfAny();

        if (await db.Clusters.AnyAsync(c => c.Code == code!.Value, ct))
            throw new ConflictException($"A cluster with code '{code}' already exists.", "code");

        var cluster = Cluster.Create(code!, name!, clock.GetUtcNow());
        db.Clusters.Add(cluster);
        db.AddEvent(new ClusterCreated { Cluster = cluster.ToSnapshot(), OccurredAt = cluster.CreatedAt }, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.CreatedAtRoute(ClusterResponse.From(cluster, 0), nameof(GetCluster), new { id = cluster.Id });
    }

    public static async Task<Ok<List<ClusterResponse>>> ListClusters(MembershipDbContext db, CancellationToken ct)
    {
        var rows = await db.Clusters
            .OrderBy(c => c.Code)
            .Select(c => new { Cluster = c, OpenUnits = db.Units.Count(u => u.ClusterId == c.Id && u.Status == UnitStatus.Open) })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ClusterResponse.From(r.Cluster, r.OpenUnits)).ToList());
    }

    public static async Task<Ok<ClusterResponse>> GetCluster(Guid id, MembershipDbContext db, CancellationToken ct)
    {
        var cluster = await db.Clusters.FindAsync([id], ct) ?? throw new NotFoundException("cluster", id);
        var openUnits = await db.Units.CountAsync(u => u.ClusterId == id && u.Status == UnitStatus.Open, ct);
        return TypedResults.Ok(ClusterResponse.From(cluster, openUnits));
    }

    public static async Task<Ok<ClusterResponse>> RenameCluster(Guid id, RenameRequest request, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = OrganisationName.From(request.Name);
        var cluster = await db.Clusters.FindAsync([id], ct) ?? throw new NotFoundException("cluster", id);
        if (cluster.Rename(name) is { } previous)
        {
            db.AddEvent(new ClusterRenamed { Cluster = cluster.ToSnapshot(), PreviousName = previous, OccurredAt = clock.GetUtcNow() }, clock);
            await db.SaveChangesAsync(ct);
        }
        var openUnits = await db.Units.CountAsync(u => u.ClusterId == id && u.Status == UnitStatus.Open, ct);
        return TypedResults.Ok(ClusterResponse.From(cluster, openUnits));
    }
}

public sealed record CreateClusterRequest(string? Code, string? Name);

public sealed record RenameRequest(string? Name);

public sealed record ClusterResponse(Guid Id, string Code, string Name, int OpenUnits, DateTimeOffset CreatedAt, int Version)
{
    public static ClusterResponse From(Cluster c, int openUnits) => new(c.Id, c.Code, c.Name, openUnits, c.CreatedAt, c.Version);
}
