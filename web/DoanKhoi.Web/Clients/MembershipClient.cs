using System.Net.Http.Json;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The membership service through the gateway: the organisation and the members.</summary>
public sealed class MembershipClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "membership")
{
    public Task<Tree> TreeAsync(CancellationToken ct = default) => GetAsync<Tree>("tree", ct);

    public Task<PagedList<UnitHistoryEntry>> UnitHistoryAsync(Guid unitId, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        GetAsync<PagedList<UnitHistoryEntry>>($"units/{unitId}/history" + Query(("page", page), ("pageSize", pageSize)), ct);

    public Task<Cluster> CreateClusterAsync(string? code, string? name, CancellationToken ct = default) =>
        SendAsync<Cluster>(HttpMethod.Post, "clusters", new { code, name }, ct);

    public Task<Cluster> RenameClusterAsync(Guid id, string? name, CancellationToken ct = default) =>
        SendAsync<Cluster>(HttpMethod.Put, $"clusters/{id}/name", new { name }, ct);

    public Task<Unit> CreateUnitAsync(string? code, string? name, string? kind, Guid? clusterId, CancellationToken ct = default) =>
        SendAsync<Unit>(HttpMethod.Post, "units", new { code, name, kind, clusterId }, ct);

    public Task<Unit> RenameUnitAsync(Guid id, string? name, CancellationToken ct = default) =>
        SendAsync<Unit>(HttpMethod.Put, $"units/{id}/name", new { name }, ct);

    public Task<Unit> MoveUnitAsync(Guid id, Guid? clusterId, CancellationToken ct = default) =>
        SendAsync<Unit>(HttpMethod.Put, $"units/{id}/cluster", new { clusterId }, ct);

    public Task<Unit> CloseUnitAsync(Guid id, DateOnly? closedOn, string? reason, CancellationToken ct = default) =>
        SendAsync<Unit>(HttpMethod.Post, $"units/{id}/close", new { closedOn, reason }, ct);

    public Task<Branch> CreateBranchAsync(Guid unitId, string? name, CancellationToken ct = default) =>
        SendAsync<Branch>(HttpMethod.Post, $"units/{unitId}/branches", new { name }, ct);

    public Task<List<Cluster>> ClustersAsync(CancellationToken ct = default) => GetAsync<List<Cluster>>("clusters", ct);

    public Task<PagedList<Unit>> UnitsAsync(string? q = null, Guid? clusterId = null, string? kind = null, string? status = null,
        int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        GetAsync<PagedList<Unit>>("units" + Query(("q", q), ("clusterId", clusterId), ("kind", kind), ("status", status), ("page", page), ("pageSize", pageSize)), ct);

    public Task<Unit> UnitAsync(Guid id, CancellationToken ct = default) => GetAsync<Unit>($"units/{id}", ct);

    /// <summary>Every open unit of the bloc, whoever asks: where a transfer can go.</summary>
    public Task<List<DirectoryUnit>> UnitDirectoryAsync(string? q = null, CancellationToken ct = default) =>
        GetAsync<List<DirectoryUnit>>("unit-directory" + Query(("q", q)), ct);

    public Task<List<Branch>> BranchesAsync(Guid unitId, CancellationToken ct = default) => GetAsync<List<Branch>>($"units/{unitId}/branches", ct);

    public Task<PagedList<MemberListItem>> MembersAsync(MemberQuery query, CancellationToken ct = default) =>
        GetAsync<PagedList<MemberListItem>>("members" + Query([.. query.Filters, ("page", query.Page), ("pageSize", query.PageSize)]), ct);

    /// <summary>The query string of a list's filters, and more (an export's format).</summary>
    public static string QueryOf(MemberQuery query, params (string, object?)[] more) => Query([.. query.Filters, .. more]);

    public Task<Member> MemberAsync(Guid id, CancellationToken ct = default) => GetAsync<Member>($"members/{id}", ct);

    /// <summary>The steps of a member's life in the Union, oldest first (the first 200: a life in the Union has a few dozen).</summary>
    public Task<PagedList<MemberHistoryEntry>> MemberHistoryAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<PagedList<MemberHistoryEntry>>($"members/{id}/history?pageSize=200", ct);

    public Task<List<MemberGrade>> MemberGradesAsync(Guid id, CancellationToken ct = default) => GetAsync<List<MemberGrade>>($"members/{id}/evaluations", ct);

    public Task<PagedList<MaturingMember>> MaturingAsync(DateOnly? by = null, Guid? unitId = null, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        GetAsync<PagedList<MaturingMember>>("members/maturing" + Query(("by", by), ("unitId", unitId), ("page", page), ("pageSize", pageSize)), ct);

    public Task<MemberStatistics> StatisticsAsync(string groupBy, Guid? clusterId = null, Guid? unitId = null, CancellationToken ct = default) =>
        GetAsync<MemberStatistics>("members/statistics" + Query(("groupBy", groupBy), ("clusterId", clusterId), ("unitId", unitId)), ct);

    public Task<MemberMovements> MovementsAsync(DateOnly from, DateOnly to, string groupBy, Guid? clusterId = null, Guid? unitId = null, CancellationToken ct = default) =>
        GetAsync<MemberMovements>("members/movements" + Query(("from", from), ("to", to), ("groupBy", groupBy), ("clusterId", clusterId), ("unitId", unitId)), ct);

    public Task<PagedList<Transfer>> TransfersAsync(string? status = null, int page = 1, int pageSize = 50, CancellationToken ct = default) =>
        GetAsync<PagedList<Transfer>>("transfers" + Query(("status", status), ("page", page), ("pageSize", pageSize)), ct);

    public Task<List<Ethnicity>> EthnicitiesAsync(CancellationToken ct = default) => GetAsync<List<Ethnicity>>("ethnicities", ct);

    /// <summary>Records a member who already belongs to the Union.</summary>
    public Task<Member> RegisterAsync(Guid unitId, MemberForm form, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"units/{unitId}/members", form.ToRegisterRequest(), ct);

    /// <summary>Admits a young person to the Union (kết nạp) by the unit's resolution.</summary>
    public Task<Member> AdmitAsync(Guid unitId, MemberForm form, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"units/{unitId}/admissions", form.ToAdmitRequest(), ct);

    public Task<Member> CorrectAsync(Guid memberId, MemberForm form, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Put, $"members/{memberId}", form.ToRegisterRequest(), ct);

    public Task<Transfer> IssueTransferAsync(Guid memberId, Guid? toUnitId, string? letterNumber, DateOnly? issuedOn, CancellationToken ct = default) =>
        SendAsync<Transfer>(HttpMethod.Post, $"members/{memberId}/transfers", new { toUnitId, letterNumber, issuedOn }, ct);

    public Task<Transfer> AcceptTransferAsync(Guid transferId, Guid? branchId, DateOnly? acceptedOn, CancellationToken ct = default) =>
        SendAsync<Transfer>(HttpMethod.Post, $"transfers/{transferId}/accept", new { branchId, acceptedOn }, ct);

    public Task<Transfer> RejectTransferAsync(Guid transferId, string? reason, CancellationToken ct = default) =>
        SendAsync<Transfer>(HttpMethod.Post, $"transfers/{transferId}/reject", new { on = (DateOnly?)null, reason }, ct);

    public Task<Transfer> WithdrawTransferAsync(Guid transferId, string? reason, CancellationToken ct = default) =>
        SendAsync<Transfer>(HttpMethod.Post, $"transfers/{transferId}/withdraw", new { on = (DateOnly?)null, reason }, ct);

    /// <summary>Matures a member past 30 out of the Union (trưởng thành Đoàn).</summary>
    public Task<Member> MatureAsync(Guid memberId, DateOnly? on, string? reason, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"members/{memberId}/maturity", new { on, reason }, ct);

    /// <summary>Records that a member left the rolls: out of the bloc, moved away, removed, expelled or deceased.</summary>
    public Task<Member> LeaveAsync(Guid memberId, string? reason, string? note, DateOnly? on, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"members/{memberId}/leaving", new { reason, note, on }, ct);

    /// <summary>Recommends an outstanding member to the Party (giới thiệu đoàn viên ưu tú), by the unit's decision.</summary>
    public Task<Member> RecommendToPartyAsync(Guid memberId, string? decisionNumber, DateOnly? on, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"members/{memberId}/party-recommendation", new { decisionNumber, on }, ct);

    /// <summary>Records the Party's answer for a recommended member.</summary>
    public Task<Member> DecidePartyAdmissionAsync(Guid memberId, bool? admitted, DateOnly? on, CancellationToken ct = default) =>
        SendAsync<Member>(HttpMethod.Post, $"members/{memberId}/party-admission", new { admitted, on }, ct);

    /// <summary>A unit's evaluation for a year, its members (of one branch, or all) a page at a time.</summary>
    public Task<UnitEvaluationSheet> EvaluationSheetAsync(Guid unitId, int year, Guid? branchId = null, int page = 1, int pageSize = 500, CancellationToken ct = default) =>
        GetAsync<UnitEvaluationSheet>($"units/{unitId}/evaluations/{year}" + Query(("branchId", branchId), ("page", page), ("pageSize", pageSize)), ct);

    /// <summary>Grades many members of a unit in one request: all or none.</summary>
    public Task<UnitEvaluationSheet> GradeMembersAsync(Guid unitId, int year, IEnumerable<MemberGradeInput> grades, CancellationToken ct = default) =>
        SendAsync<UnitEvaluationSheet>(HttpMethod.Put, $"units/{unitId}/evaluations/{year}/members", new { grades }, ct);

    /// <summary>A year's evaluation: the units' grades (those the person reaches) and whether the year is closed.</summary>
    public Task<EvaluationYear> EvaluationYearAsync(int year, CancellationToken ct = default) => GetAsync<EvaluationYear>($"evaluations/{year}", ct);

    /// <summary>Grades many units for a year in one request: all or none (the standing committee).</summary>
    public Task<EvaluationYear> GradeUnitsAsync(int year, IEnumerable<UnitGradeInput> grades, CancellationToken ct = default) =>
        SendAsync<EvaluationYear>(HttpMethod.Put, $"evaluations/{year}/units", new { grades }, ct);

    /// <summary>Closes a year's evaluation: every grade of the year is locked (the standing committee).</summary>
    public Task<EvaluationYear> CloseEvaluationYearAsync(int year, CancellationToken ct = default) =>
        SendAsync<EvaluationYear>(HttpMethod.Post, $"evaluations/{year}/close", null, ct);

    /// <summary>Previews (nothing changes) or commits a unit's members from a spreadsheet.</summary>
    public Task<ImportReport> ImportAsync(Guid unitId, Stream file, string fileName, bool commit, CancellationToken ct = default) =>
        UploadAsync<ImportReport>($"units/{unitId}/members/import" + Query(("commit", commit)), file, fileName, ct);
}

/// <summary>The member list's search and filters, as the API takes them.</summary>
public sealed record MemberQuery
{
    public string? Q { get; init; }
    public Guid? UnitId { get; init; }
    public Guid? BranchId { get; init; }
    public Guid? ClusterId { get; init; }
    public string? Status { get; init; }
    public string? Gender { get; init; }
    public string? Ethnicity { get; init; }
    public int? AgeFrom { get; init; }
    public int? AgeTo { get; init; }
    public string? PartyStatus { get; init; }
    public string? Post { get; init; }
    public DateOnly? On { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    internal (string, object?)[] Filters =>
    [
        ("q", Q), ("unitId", UnitId), ("branchId", BranchId), ("clusterId", ClusterId), ("status", Status), ("gender", Gender),
        ("ethnicity", Ethnicity), ("ageFrom", AgeFrom), ("ageTo", AgeTo), ("partyStatus", PartyStatus), ("post", Post), ("on", On),
    ];
}
