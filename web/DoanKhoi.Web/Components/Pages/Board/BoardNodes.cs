using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Components.Pages.Board;

/// <summary>A part of the bloc the person may open the board of.</summary>
public sealed record NodeChoice(BoardScope Scope, string Name);

/// <summary>Which boards a person sees and which one they land on: the bloc's for the bloc's posts, a cluster
/// lead's cluster, a secretary's unit, a member's own unit (the board's lists say which units and clusters
/// each sees: a member's own unit is among them).</summary>
public static class BoardNodes
{
    public static List<NodeChoice> Choices(IEnumerable<BoardRow> clusters, IEnumerable<BoardRow> units, bool withBloc = true) =>
    [
        .. withBloc ? [new NodeChoice(BoardScope.Bloc, "Đoàn Khối")] : Array.Empty<NodeChoice>(),
        .. clusters.OrderBy(c => c.Name, Labels.Order).Select(c => new NodeChoice(BoardScope.Cluster(c.NodeId), $"Cụm: {c.Name}")),
        .. units.OrderBy(u => u.Name, Labels.Order).Select(u => new NodeChoice(BoardScope.Unit(u.NodeId), u.Name)),
    ];

    /// <summary>The board a person opens first: the widest of their posts, else the unit they belong to, else the bloc's.</summary>
    public static BoardScope Home(PortalUser user, IReadOnlyList<BoardRow> units)
    {
        if (user.SeesBloc) return BoardScope.Bloc;
        if (user.Clusters.FirstOrDefault() is var cluster && cluster != Guid.Empty) return BoardScope.Cluster(cluster);
        if (user.Units.FirstOrDefault() is var unit && unit != Guid.Empty) return BoardScope.Unit(unit);
        return units.Count > 0 ? BoardScope.Unit(units[0].NodeId) : BoardScope.Bloc;
    }

    /// <summary>A link to the board (or a page under it) for a year, a day and a part of the bloc.</summary>
    public static string Link(string path, int? year, DateOnly? asOf, BoardScope scope, params (string Name, string? Value)[] more)
    {
        var parts = new List<string>();
        if (year is { } y) parts.Add($"year={y}");
        if (asOf is { } d) parts.Add("asOf=" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (scope.ClusterId is { } c) parts.Add($"clusterId={c}");
        if (scope.UnitId is { } u) parts.Add($"unitId={u}");
        if (scope == BoardScope.Bloc) parts.Add("level=bloc");
        parts.AddRange(more.Where(m => m.Value is { Length: > 0 }).Select(m => $"{m.Name}={Uri.EscapeDataString(m.Value!)}"));
        return parts.Count == 0 ? path : $"{path}?{string.Join("&", parts)}";
    }

    public static DateOnly? ParseDay(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
