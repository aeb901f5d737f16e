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

    /// <summary>The year the board opens on: this year if it has a programme, else the latest one up to this year, else the first.</summary>
    public static int? DefaultYear(IReadOnlyCollection<ProgrammeSummary> programmes, DateOnly today) =>
        programmes.Any(p => p.Year == today.Year) ? today.Year
        : programmes.Where(p => p.Year <= today.Year).Select(p => (int?)p.Year).Max() ?? programmes.Select(p => (int?)p.Year).Min();
}
