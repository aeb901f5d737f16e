using DoanKhoi.Security;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Components.Pages.Accounts;

/// <summary>A post in words: "Bí thư — Đoàn TN Sở Y tế" rather than "unit-secretary@unit:5b0c…".</summary>
public static class PostNames
{
    public static string Describe(string text, Tree? tree)
    {
        if (!Post.TryParse(text, out var post)) return text;
        var role = Labels.RoleName(post.Role);
        var place = post.Node switch
        {
            NodeKind.Cluster => tree?.Clusters.FirstOrDefault(c => c.Id == post.NodeId)?.Name,
            NodeKind.Unit => tree?.Clusters.SelectMany(c => c.Units).FirstOrDefault(u => u.Id == post.NodeId)?.Name,
            NodeKind.Branch => tree?.Clusters.SelectMany(c => c.Units).SelectMany(u => u.Branches.Select(b => (Unit: u, Branch: b)))
                .Where(x => x.Branch.Id == post.NodeId).Select(x => $"{x.Unit.Name} / {x.Branch.Name}").FirstOrDefault(),
            NodeKind.Member => "hồ sơ đoàn viên",
            _ => null,
        };
        return place is null ? (post.Node == NodeKind.Bloc ? role : $"{role} ({post.Node.ToString().ToLowerInvariant()})") : $"{role} — {place}";
    }
}
