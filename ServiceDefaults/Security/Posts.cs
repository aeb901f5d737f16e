using System.Diagnostics.CodeAnalysis;

namespace DoanKhoi.Security;

/// <summary>What a post lets its holder do. The node it is held on says where.</summary>
public enum Role
{
    /// <summary>Ban Thường vụ Đoàn Khối: the year's programme and targets, rates units; sees everything.</summary>
    StandingCommittee,
    /// <summary>Văn phòng Đoàn Khối: keeps the organisation, the calendar and the record; sees everything.</summary>
    BlocOffice,
    /// <summary>Cụm trưởng cụm thi đua: plans the cluster's activities, sees its units.</summary>
    ClusterLead,
    /// <summary>Bí thư cơ sở Đoàn (on a unit) or Bí thư chi đoàn (on a branch).</summary>
    UnitSecretary,
    /// <summary>Ủy ban Kiểm tra: reads widely, writes only inspections.</summary>
    InspectionCommittee,
    /// <summary>Đoàn viên: their own record.</summary>
    Member,
}

public static class RoleNames
{
    /// <summary>A role as the bloc names it.</summary>
    public static string VietnameseName(this Role role) => role switch
    {
        Role.StandingCommittee => "Ban Thường vụ Đoàn Khối",
        Role.BlocOffice => "Văn phòng Đoàn Khối",
        Role.ClusterLead => "Cụm trưởng cụm thi đua",
        Role.UnitSecretary => "Bí thư",
        Role.InspectionCommittee => "Ủy ban Kiểm tra",
        Role.Member => "Đoàn viên",
        _ => role.ToString(),
    };
}

/// <summary>Where in the organisation tree a post is held.</summary>
public enum NodeKind
{
    Bloc,
    Cluster,
    Unit,
    Branch,
    Member,
}

/// <summary>A role held on one node of the organisation tree, written in tokens as
/// <c>bloc-office@bloc</c> or <c>unit-secretary@unit:5b0c…</c>.</summary>
public sealed record Post(Role Role, NodeKind Node, Guid? NodeId = null)
{
    /// <summary>The claim type of a post in DoanKhoi's tokens.</summary>
    public const string ClaimType = "post";

    /// <summary>The longest text of a post anyone may send (the longest written one, "unit-secretary@branch:" and an id, has 58 characters).</summary>
    public const int MaxLength = 100;

    public static Post Bloc(Role role) => new(role, NodeKind.Bloc);
    public static Post OnCluster(Guid clusterId) => new(Role.ClusterLead, NodeKind.Cluster, clusterId);
    public static Post OnUnit(Guid unitId) => new(Role.UnitSecretary, NodeKind.Unit, unitId);
    public static Post OnBranch(Guid branchId) => new(Role.UnitSecretary, NodeKind.Branch, branchId);
    public static Post OfMember(Guid memberId) => new(Role.Member, NodeKind.Member, memberId);

    /// <summary>Which nodes each role may be held on: bloc roles on the bloc, a cluster lead on a
    /// cluster, a secretary on a unit or a branch, a member on one member.</summary>
    public static bool Fits(Role role, NodeKind node) => role switch
    {
        Role.StandingCommittee or Role.BlocOffice or Role.InspectionCommittee => node == NodeKind.Bloc,
        Role.ClusterLead => node == NodeKind.Cluster,
        Role.UnitSecretary => node is NodeKind.Unit or NodeKind.Branch,
        Role.Member => node == NodeKind.Member,
        _ => false,
    };

    public override string ToString() =>
        $"{Kebab(Role.ToString())}@{Kebab(Node.ToString())}" + (NodeId is { } id ? $":{id}" : "");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Post? post)
    {
        post = null;
        var at = text?.IndexOf('@') ?? -1;
        if (text is null || at < 1) return false;
        var place = text[(at + 1)..];
        var colon = place.IndexOf(':');
        var nodeText = colon < 0 ? place : place[..colon];
        Guid? nodeId = null;
        if (colon >= 0)
        {
            if (!Guid.TryParse(place[(colon + 1)..], out var id)) return false;
            nodeId = id;
        }
        if (!TryParseKebab<Role>(text[..at], out var role) || !TryParseKebab<NodeKind>(nodeText, out var node)) return false;
        if (!Fits(role, node) || (node == NodeKind.Bloc) != (nodeId is null)) return false;
        post = new Post(role, node, nodeId);
        return true;
    }

    internal static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParseKebab<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Kebab(candidate.ToString()) == text.Trim().ToLowerInvariant())
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
