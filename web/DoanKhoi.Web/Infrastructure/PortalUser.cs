using System.Security.Claims;
using DoanKhoi.Security;

namespace DoanKhoi.Web.Infrastructure;

/// <summary>Who is signed in, read from the portal's cookie: their account, name and posts (as the
/// identity service put them in the identity token) and the key of their session's tokens.</summary>
public sealed record PortalUser(string AccountId, string UserName, string DisplayName, IReadOnlyList<Post> Posts, string? SessionKey)
{
    public static readonly PortalUser Nobody = new("", "", "", [], null);

    public bool IsSignedIn => AccountId.Length > 0;

    public static PortalUser From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Nobody;
        var posts = principal.FindAll(Post.ClaimType).Select(c => Post.TryParse(c.Value, out var p) ? p : null).OfType<Post>().ToList();
        return new PortalUser(
            principal.FindFirstValue("sub") ?? "",
            principal.FindFirstValue("preferred_username") ?? "",
            principal.FindFirstValue("name") ?? principal.FindFirstValue("preferred_username") ?? "",
            posts,
            principal.FindFirstValue(SessionTokens.SessionClaim));
    }

    public bool Holds(Role role) => Posts.Any(p => p.Role == role);

    /// <summary>The bloc office or the standing committee: the whole bloc, to keep.</summary>
    public bool IsBlocStaff => Holds(Role.BlocOffice) || Holds(Role.StandingCommittee);

    /// <summary>Reads the whole bloc: the bloc's posts and the inspection committee.</summary>
    public bool SeesBloc => Posts.Any(p => p.Node == NodeKind.Bloc);

    public IEnumerable<Guid> Units => Posts.Where(p => p.Role == Role.UnitSecretary && p.Node == NodeKind.Unit).Select(p => p.NodeId!.Value);
    public IEnumerable<Guid> Branches => Posts.Where(p => p.Role == Role.UnitSecretary && p.Node == NodeKind.Branch).Select(p => p.NodeId!.Value);
    public IEnumerable<Guid> Clusters => Posts.Where(p => p.Role == Role.ClusterLead).Select(p => p.NodeId!.Value);
    public Guid? MemberId => Posts.FirstOrDefault(p => p.Role == Role.Member)?.NodeId;

    /// <summary>The roles from the widest reach to the narrowest: the home page is shaped for the first the person holds.</summary>
    private static readonly Role[] WidestFirst =
        [Role.BlocOffice, Role.StandingCommittee, Role.InspectionCommittee, Role.ClusterLead, Role.UnitSecretary, Role.Member];

    public Role? MainRole => WidestFirst.Where(Holds).Select(r => (Role?)r).FirstOrDefault();
}
