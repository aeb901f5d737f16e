using System.Globalization;
using DoanKhoi.Web.Clients;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Components.Pages.Reports;

/// <summary>The calendar of reports as the portal shows it: whose rows a person sees, in which order, each
/// cell's mark (a colour, a sign and words, never colour alone) and the links a cell and a row open.</summary>
public static class ReportCells
{
    /// <summary>The states in the legend's order.</summary>
    public static readonly string[] States = ["onTime", "late", "missing", "returned", "pending", "exempt"];

    /// <summary>A sign for each state, beside its colour: the words are in the cell's label.</summary>
    public static string Sign(string state) => state switch
    {
        "onTime" => "✓",
        "late" => "!",
        "missing" => "✗",
        "returned" => "↩",
        "pending" => "○",
        "exempt" => "–",
        _ => "?",
    };

    /// <summary>A cell's words: the report, its deadline and where the unit stands.</summary>
    public static string Label(CalendarRow row, ReportDefinition report, CalendarCell cell) =>
        $"{row.Name}, {report.Name} (hạn {Labels.Date(report.Due)}): {Labels.CalendarState(cell.State, cell.Accepted)}";

    /// <summary>A report's heading in the grid: its name without "Báo cáo", short.</summary>
    public static string ShortName(string name)
    {
        var shortName = name.StartsWith("Báo cáo ", StringComparison.OrdinalIgnoreCase) ? name["Báo cáo ".Length..] : name;
        shortName = shortName.Length > 0 ? char.ToUpper(shortName[0], Labels.Vietnamese) + shortName[1..] : shortName;
        if (shortName.Length <= 24) return shortName;
        // Cut at a word: "Tổng kết năm và hồ sơ…".
        var cut = shortName[..24];
        return (cut.LastIndexOf(' ') is var space and > 10 ? cut[..space] : cut).TrimEnd(' ', ',') + "…";
    }

    /// <summary>The rows of the grid in the bloc's order: each cluster, then its units; units in no cluster shown last.
    /// With <paramref name="cluster"/>, that cluster and its units only.</summary>
    public static List<CalendarRow> Ordered(ReportCalendar view, Guid? cluster = null)
    {
        var clusters = view.Rows.Where(r => r.IsCluster && (cluster is null || r.NodeId == cluster)).ToList();
        var units = view.Rows.Where(r => !r.IsCluster).ToList();
        var ordered = new List<CalendarRow>();
        foreach (var c in clusters)
        {
            ordered.Add(c);
            ordered.AddRange(units.Where(u => u.ClusterId == c.NodeId));
        }
        if (cluster is null)
        {
            var placed = clusters.Select(c => c.NodeId).ToHashSet();
            ordered.AddRange(units.Where(u => u.ClusterId is not { } c || !placed.Contains(c)));
        }
        else if (clusters.Count == 0)
        {
            ordered.AddRange(units.Where(u => u.ClusterId == cluster));
        }
        return ordered;
    }

    /// <summary>The rows a person's own posts send: their units' (a secretary), their clusters' and the units in them (a cluster lead).</summary>
    public static List<CalendarRow> Own(ReportCalendar view, PortalUser user)
    {
        var units = user.Units.ToHashSet();
        var clusters = user.Clusters.ToHashSet();
        return Ordered(view).Where(r => r.IsCluster ? clusters.Contains(r.NodeId) : units.Contains(r.NodeId) || (r.ClusterId is { } c && clusters.Contains(c))).ToList();
    }

    /// <summary>The units and clusters whose reports the person sends: their own list of reports opens on the first.</summary>
    public static List<BoardScope> Submitters(PortalUser user) =>
        [.. user.Units.Distinct().Select(BoardScope.Unit), .. user.Clusters.Distinct().Select(BoardScope.Cluster)];

    /// <summary>Whether the person sends <paramref name="submitter"/>'s reports: the unit's secretary, the cluster's lead.</summary>
    public static bool Sends(PortalUser user, BoardScope submitter) =>
        submitter.UnitId is { } unit ? user.Units.Contains(unit) : submitter.ClusterId is { } cluster && user.Clusters.Contains(cluster);

    /// <summary>A report of a unit or cluster: <c>/reports/2026/m01?unitId=…</c>.</summary>
    public static string ReportLink(int year, string code, BoardScope submitter) =>
        $"/reports/{year.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(code)}?{Node(submitter)}";

    /// <summary>A unit's or cluster's list of reports, reminders and contact: <c>/reports?year=2026&amp;unitId=…</c>.</summary>
    public static string ListLink(int year, BoardScope submitter) => $"/reports?year={year.ToString(CultureInfo.InvariantCulture)}&{Node(submitter)}";

    private static string Node(BoardScope submitter) => submitter.UnitId is { } unit ? $"unitId={unit}" : $"clusterId={submitter.ClusterId}";

    /// <summary>An on-time rate: "85,5%", or a dash when nothing was due yet.</summary>
    public static string Rate(Punctuality punctuality) => punctuality.Rate is { } rate ? Labels.Figure(rate, true) : "—";
}
