using System.Security.Claims;

namespace DoanKhoi.Security;

/// <summary>Who sent the request, read from the token: the account, the client application, the
/// posts and the scopes. Services decide on each object from this and their own copy of the tree.</summary>
public sealed class Caller
{
    public static readonly Caller Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    public Caller(ClaimsPrincipal user)
    {
        Principal = user;
        IsAuthenticated = user.Identity?.IsAuthenticated == true;
        AccountId = user.FindFirst("sub")?.Value;
        Name = user.FindFirst("name")?.Value ?? user.Identity?.Name;
        UserName = user.FindFirst("preferred_username")?.Value;
        ClientId = user.FindFirst("client_id")?.Value ?? user.FindFirst("azp")?.Value;
        Posts = user.FindAll(Post.ClaimType).Select(c => Post.TryParse(c.Value, out var p) ? p : null).OfType<Post>().ToList();
        ScopeSet = user.FindAll(Scopes.ClaimType).Concat(user.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
    }

    public ClaimsPrincipal Principal { get; }
    public bool IsAuthenticated { get; }
    public string? AccountId { get; }
    /// <summary>The person's display name (or the system's).</summary>
    public string? Name { get; }

    /// <summary>The person's user name: stable and unique, unlike the display name.</summary>
    public string? UserName { get; }
    public string? ClientId { get; }
    public IReadOnlyList<Post> Posts { get; }
    private HashSet<string> ScopeSet { get; }

    /// <summary>True for a token a system got with its own credentials (no person behind it).</summary>
    public bool IsSystem => ClientId is not null && AccountId == ClientId;

    public bool CanRead => ScopeSet.Contains(Scopes.Read) || ScopeSet.Contains(Scopes.Write);
    public bool CanWrite => ScopeSet.Contains(Scopes.Write);

    public bool Holds(Role role) => Posts.Any(p => p.Role == role);

    /// <summary>A post on the bloc itself (standing committee, bloc office, inspection committee).</summary>
    public bool SeesWholeBloc => Posts.Any(p => p.Node == NodeKind.Bloc);

    public bool IsBlocOffice => Holds(Role.BlocOffice);

    public IEnumerable<Guid> NodesOf(NodeKind kind) => Posts.Where(p => p.Node == kind && p.NodeId is not null).Select(p => p.NodeId!.Value);

    /// <summary>The part of the tree the caller reaches, before the service resolves it against its copy
    /// of the tree: a cluster lead reaches the units that are in the cluster now.</summary>
    public OrganisationReach Reach => new(
        SeesWholeBloc,
        NodesOf(NodeKind.Cluster).ToHashSet(),
        NodesOf(NodeKind.Unit).ToHashSet(),
        NodesOf(NodeKind.Branch).ToHashSet());

    /// <summary>Who the audit trail names: the person's account, or "client:…" for a system.</summary>
    public string AuditName => IsSystem ? $"client:{ClientId}" : UserName ?? AccountId ?? "anonymous";
}

/// <summary>The nodes a caller holds posts on. Each service turns them into a filter over its own copy
/// of the tree: a unit is reached when it is in one of the clusters, is one of the units, or has one of
/// the branches (membership's and reporting's <c>OrganisationAccess</c>).</summary>
public sealed record OrganisationReach(bool WholeBloc, IReadOnlySet<Guid> Clusters, IReadOnlySet<Guid> Units, IReadOnlySet<Guid> Branches);
