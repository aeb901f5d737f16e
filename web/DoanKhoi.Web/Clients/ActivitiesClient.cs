using System.Net.Http.Json;
using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The activities service through the gateway: the year's programme and calendar, activities,
/// who took part, and the creative ideas.</summary>
public sealed class ActivitiesClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "activities")
{
    public Task<Programme> ProgrammeAsync(int? year = null, CancellationToken ct = default) => GetAsync<Programme>("programme" + Query(("year", year)), ct);

    public Task<CalendarView> CalendarAsync(int year, CancellationToken ct = default) => GetAsync<CalendarView>("calendar" + Query(("year", year)), ct);

    public Task<PagedList<ActivitySummary>> ActivitiesAsync(ActivityQuery query, CancellationToken ct = default) =>
        GetAsync<PagedList<ActivitySummary>>("activities" + QueryOf(query, ("page", query.Page), ("pageSize", query.PageSize)), ct);

    /// <summary>A list's filters as a query string (the list's and its export's), and <paramref name="more"/>.</summary>
    public static string QueryOf(ActivityQuery query, params (string, object?)[] more) =>
        Query([("from", query.From), ("to", query.To), ("status", query.Status), ("kind", query.Kind), ("q", query.Q), .. more]);

    public Task<ActivityView> ActivityAsync(Guid id, CancellationToken ct = default) => GetAsync<ActivityView>($"activities/{id}", ct);

    public Task<ActivityView> PlanAsync(ActivityForm form, CancellationToken ct = default) => SendAsync<ActivityView>(HttpMethod.Post, "activities", new
    {
        form.Title, form.OrganiserLevel, form.OrganiserId, form.Kind, StartsOn = Day(form.StartsOn), EndsOn = Day(form.EndsOn), form.Place, form.BigActivity, form.Note,
    }, ct);

    /// <summary>Corrects what an activity is; what the form leaves empty is cleared, the organiser stays.</summary>
    public Task<ActivityView> ChangeAsync(Guid id, ActivityForm form, CancellationToken ct = default) => SendAsync<ActivityView>(HttpMethod.Put, $"activities/{id}", new
    {
        form.Title, form.Kind, StartsOn = Day(form.StartsOn), EndsOn = Day(form.EndsOn), form.Place, form.BigActivity, form.Note, form.CoOrganiserIds,
    }, ct);

    public Task<ActivityView> RecordOutcomeAsync(Guid id, IEnumerable<QuantityValue> quantities, IEnumerable<string> flags, string? note, CancellationToken ct = default) =>
        SendAsync<ActivityView>(HttpMethod.Put, $"activities/{id}/outcome", new { quantities, flags, note }, ct);

    public Task<ActivityView> CancelAsync(Guid id, string? reason, CancellationToken ct = default) =>
        SendAsync<ActivityView>(HttpMethod.Post, $"activities/{id}/cancellation", new { reason }, ct);

    private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    public Task<EvidenceFileInfo> UploadEvidenceAsync(Guid id, Stream file, string fileName, CancellationToken ct = default) =>
        UploadAsync<EvidenceFileInfo>($"activities/{id}/evidence", file, fileName, ct);

    public Task<PagedList<Participant>> ParticipantsAsync(Guid id, int pageSize = 200, CancellationToken ct = default) =>
        GetAsync<PagedList<Participant>>($"activities/{id}/participants" + Query(("pageSize", pageSize)), ct);

    /// <summary>Registers members (the secretary), or oneself when <paramref name="memberIds"/> is empty (a member).</summary>
    public Task<AttendanceCounts> RegisterAsync(Guid id, IEnumerable<Guid> memberIds, CancellationToken ct = default) =>
        SendAsync<AttendanceCounts>(HttpMethod.Post, $"activities/{id}/participants", new { memberIds }, ct);

    public Task<AttendanceCounts> RecordAttendanceAsync(Guid id, string? everyoneElse, IEnumerable<AttendanceMark> marks, CancellationToken ct = default) =>
        SendAsync<AttendanceCounts>(HttpMethod.Put, $"activities/{id}/attendance", new { everyoneElse, marks }, ct);

    public Task<CheckInWindow> SetCheckInAsync(Guid id, bool open, int? hours = null, CancellationToken ct = default) =>
        SendAsync<CheckInWindow>(HttpMethod.Put, $"activities/{id}/check-in", new { open, hours }, ct);

    public Task<Participant> CheckInAsync(Guid id, string? code, CancellationToken ct = default) =>
        SendAsync<Participant>(HttpMethod.Post, $"activities/{id}/check-ins", new { code }, ct);

    public Task<PagedList<MemberParticipation>> MemberParticipationsAsync(Guid memberId, CancellationToken ct = default) =>
        GetAsync<PagedList<MemberParticipation>>($"members/{memberId}/participations?pageSize=100", ct);

    public Task<PagedList<IdeaSummary>> IdeasAsync(int? year, string? status, bool duplicatesOnly, CancellationToken ct = default) =>
        GetAsync<PagedList<IdeaSummary>>("ideas" + Query(("year", year), ("status", status), ("duplicatesOnly", duplicatesOnly ? true : null), ("pageSize", 200)), ct);

    public Task<IdeaView> IdeaAsync(Guid id, CancellationToken ct = default) => GetAsync<IdeaView>($"ideas/{id}", ct);

    public Task<IdeaView> SubmitIdeaAsync(Guid? unitId, string? title, string? summary, string? field, string? link, IEnumerable<Guid> authorIds, CancellationToken ct = default) =>
        SendAsync<IdeaView>(HttpMethod.Post, "ideas", new { unitId, title, summary, field, link, authorIds }, ct);

    public Task<IdeaView> ReviewIdeaAsync(Guid id, bool accept, string? reason, CancellationToken ct = default) =>
        SendAsync<IdeaView>(HttpMethod.Post, $"ideas/{id}/review", new { decision = accept ? "accept" : "reject", reason }, ct);

    public Task<List<IdeaQuota>> IdeaQuotasAsync(int year, CancellationToken ct = default) => GetAsync<List<IdeaQuota>>("ideas/quotas" + Query(("year", year)), ct);
}
