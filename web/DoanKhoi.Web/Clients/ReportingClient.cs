using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The reporting service through the gateway: the board of the year's targets (at the bloc, a
/// cluster or a unit, on any day), the records behind each figure and who is missing from it, and the
/// year's programme with its versions.</summary>
public sealed class ReportingClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "reporting")
{
    public Task<BoardView> BoardAsync(int? year, DateOnly? asOf, BoardScope scope, CancellationToken ct = default) =>
        GetAsync<BoardView>("board" + Query(("year", year), ("asOf", asOf), ("clusterId", scope.ClusterId), ("unitId", scope.UnitId)), ct);

    /// <summary>Every cluster the person sees, with each measure's figure.</summary>
    public Task<List<BoardRow>> ClusterRowsAsync(int? year, DateOnly? asOf, CancellationToken ct = default) =>
        GetAsync<List<BoardRow>>("board/clusters" + Query(("year", year), ("asOf", asOf)), ct);

    /// <summary>The units the person sees (of one cluster, with <paramref name="clusterId"/>), with each measure's figure.</summary>
    public Task<List<BoardRow>> UnitRowsAsync(int? year, DateOnly? asOf, Guid? clusterId = null, CancellationToken ct = default) =>
        GetAsync<List<BoardRow>>("board/units" + Query(("year", year), ("asOf", asOf), ("clusterId", clusterId)), ct);

    /// <summary>The records a measure's figure counts at <paramref name="scope"/> (the bloc's only for the bloc's posts: a 403 otherwise).</summary>
    public Task<PagedList<BoardRecord>> RecordsAsync(string measure, int? year, DateOnly? asOf, BoardScope scope, int page, int pageSize, CancellationToken ct = default) =>
        GetAsync<PagedList<BoardRecord>>($"board/measures/{Uri.EscapeDataString(measure)}/records" + Query(("year", year), ("asOf", asOf),
            ("clusterId", scope.ClusterId), ("unitId", scope.UnitId), ("page", page), ("pageSize", pageSize)), ct);

    /// <summary>Who has not reached a measure over each unit or cluster (or, at a unit, which of its members); a 422 for other measures.</summary>
    public Task<List<MissingRow>> MissingAsync(string measure, int? year, DateOnly? asOf, BoardScope scope, CancellationToken ct = default) =>
        GetAsync<List<MissingRow>>($"board/measures/{Uri.EscapeDataString(measure)}/missing" + Query(("year", year), ("asOf", asOf),
            ("clusterId", scope.ClusterId), ("unitId", scope.UnitId)), ct);

    public Task<List<ProgrammeSummary>> ProgrammesAsync(CancellationToken ct = default) => GetAsync<List<ProgrammeSummary>>("programmes", ct);

    public Task<ProgrammeVersion> ProgrammeAsync(int year, CancellationToken ct = default) => GetAsync<ProgrammeVersion>($"programmes/{year}", ct);

    public Task<List<ProgrammeRevision>> RevisionsAsync(int year, CancellationToken ct = default) => GetAsync<List<ProgrammeRevision>>($"programmes/{year}/revisions", ct);

    /// <summary>Changes a year's programme (the standing committee, the bloc office): the whole document, the
    /// reason, and the version it was read at (a 409 when someone changed it since).</summary>
    public Task<ProgrammeVersion> ChangeProgrammeAsync(int year, JsonObject programme, string? reason, int version, CancellationToken ct = default) =>
        SendAsync<ProgrammeVersion>(HttpMethod.Put, $"programmes/{year}", new { programme, reason, version }, ct);

    /// <summary>Copies a year's programme to <paramref name="toYear"/>, its dates moved by the years between.</summary>
    public Task<ProgrammeVersion> CopyProgrammeAsync(int year, int? toYear, string? reason, CancellationToken ct = default) =>
        SendAsync<ProgrammeVersion>(HttpMethod.Post, $"programmes/{year}/copy", new { toYear, reason }, ct);

    /// <summary>Every unit and cluster the person sees (of one cluster, with <paramref name="clusterId"/>) against the year's reports.</summary>
    public Task<ReportCalendar> ReportCalendarAsync(int year, Guid? clusterId = null, CancellationToken ct = default) =>
        GetAsync<ReportCalendar>($"reports/{year}/calendar" + Query(("clusterId", clusterId)), ct);

    /// <summary>A report of a unit or a cluster (<paramref name="submitter"/>): its deadline, whether it is open, the figures prefilled, what was sent.</summary>
    public Task<ReportForm> ReportAsync(int year, string code, BoardScope submitter, CancellationToken ct = default) =>
        GetAsync<ReportForm>(ReportPath(year, code, submitter), ct);

    /// <summary>Sends a report or a new version of it (the unit's secretary, the cluster's lead): a 400 names the fields at fault
    /// (<c>figures[i].reason</c>, <c>narrative</c>), a 422 says it is locked or accepted.</summary>
    public Task<ReportView> SubmitReportAsync(int year, string code, BoardScope submitter, ReportSubmission report, CancellationToken ct = default) =>
        SendAsync<ReportView>(HttpMethod.Put, ReportPath(year, code, submitter), report, ct);

    /// <summary>Uploads a PDF or Office document (at most 10 MB) to send with a report; a 415 for anything else.</summary>
    public Task<ReportAttachment> UploadAttachmentAsync(int year, string code, BoardScope submitter, Stream file, string fileName, CancellationToken ct = default) =>
        UploadAsync<ReportAttachment>(ReportPath(year, code, submitter, "/attachments"), file, fileName, ct);

    /// <summary>Accepts a report (the bloc office): it is final then.</summary>
    public Task<ReportView> AcceptReportAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<ReportView>(HttpMethod.Post, $"reports/{id}/accept", null, ct);

    /// <summary>Returns a report for correction with a comment (the bloc office): the unit sends it again.</summary>
    public Task<ReportView> ReturnReportAsync(Guid id, string? comment, CancellationToken ct = default) =>
        SendAsync<ReportView>(HttpMethod.Post, $"reports/{id}/return", new { comment }, ct);

    /// <summary>Opens a locked report again for one unit or cluster until a moment, with a reason (the bloc office).</summary>
    public Task<ReportOpening> OpenReportAsync(int year, string code, BoardScope submitter, DateTimeOffset? until, string? reason, CancellationToken ct = default) =>
        SendAsync<ReportOpening>(HttpMethod.Post, $"reports/{year}/{Uri.EscapeDataString(code)}/openings",
            new { unitId = submitter.UnitId, clusterId = submitter.ClusterId, until, reason }, ct);

    /// <summary>The reminders a unit or cluster received, newest first.</summary>
    public Task<List<ReportReminder>> RemindersAsync(BoardScope submitter, CancellationToken ct = default) =>
        GetAsync<List<ReportReminder>>("reports/reminders" + Query(("unitId", submitter.UnitId), ("clusterId", submitter.ClusterId)), ct);

    /// <summary>Where a unit's or cluster's reminders are e-mailed; none (not a 404) when no address was given yet.</summary>
    public async Task<ReportContact?> ContactAsync(Guid nodeId, CancellationToken ct = default)
    {
        try
        {
            return await GetAsync<ReportContact>($"reports/contacts/{nodeId}", ct);
        }
        catch (ApiProblem problem) when (problem.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Sets where a unit's or cluster's reminders are e-mailed (its secretary or lead, or the bloc office).</summary>
    public Task<ReportContact> SetContactAsync(Guid nodeId, string? email, CancellationToken ct = default) =>
        SendAsync<ReportContact>(HttpMethod.Put, $"reports/contacts/{nodeId}", new { email }, ct);

    /// <summary>The units (<paramref name="level"/> unit, of one cluster with <paramref name="clusterId"/>) or clusters the person sees, ranked.</summary>
    public Task<List<ScoreRow>> ScoreboardAsync(int? year, DateOnly? asOf, string level, Guid? clusterId = null, CancellationToken ct = default) =>
        GetAsync<List<ScoreRow>>("scoreboard" + ScoreboardQuery(year, asOf, level, clusterId), ct);

    /// <summary>Where the portal downloads a board (<paramref name="rows"/>: its clusters' or units' table instead) as <paramref name="format"/>.</summary>
    public static string BoardExportHref(int? year, DateOnly? asOf, BoardScope scope, string format, bool rows = false) => rows
        ? $"/files/reporting/board/{(scope.Level == "bloc" ? "clusters" : "units")}/export" + Query(("year", year), ("asOf", asOf), ("clusterId", scope.ClusterId), ("format", format))
        : "/files/reporting/board/export" + Query(("year", year), ("asOf", asOf), ("clusterId", scope.ClusterId), ("unitId", scope.UnitId), ("format", format));

    /// <summary>Where the portal downloads what a measure counts (<paramref name="list"/> "records") or who is missing from it ("missing").</summary>
    public static string MeasureExportHref(string code, string list, int? year, DateOnly? asOf, BoardScope scope, string format) =>
        $"/files/reporting/board/measures/{Uri.EscapeDataString(code)}/{list}/export"
        + Query(("year", year), ("asOf", asOf), ("clusterId", scope.ClusterId), ("unitId", scope.UnitId), ("format", format));

    /// <summary>The scoreboard's query (the page's and its export's), and <paramref name="format"/> for a download.</summary>
    public static string ScoreboardQuery(int? year, DateOnly? asOf, string level, Guid? clusterId, string? format = null) =>
        Query(("year", year), ("asOf", asOf), ("level", level), ("clusterId", clusterId), ("format", format));

    private static string ReportPath(int year, string code, BoardScope submitter, string tail = "") =>
        $"reports/{year}/{Uri.EscapeDataString(code)}{tail}" + Query(("unitId", submitter.UnitId), ("clusterId", submitter.ClusterId));

    /// <summary>The year the board opens on: this year if it has a programme, else the latest one up to this year, else the first.</summary>
    public static int? DefaultYear(IReadOnlyCollection<ProgrammeSummary> programmes, DateOnly today) =>
        programmes.Any(p => p.Year == today.Year) ? today.Year
        : programmes.Where(p => p.Year <= today.Year).Select(p => (int?)p.Year).Max() ?? programmes.Select(p => (int?)p.Year).Min();
}
