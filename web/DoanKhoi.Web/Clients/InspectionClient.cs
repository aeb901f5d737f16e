using DoanKhoi.Web.Infrastructure;

namespace DoanKhoi.Web.Clients;

/// <summary>The inspection service through the gateway: inspections with their findings, conclusions and
/// recommendations, the follow-up of those recommendations, and the programme against K14.</summary>
public sealed class InspectionClient(HttpClient http, PortalSession session) : GatewayClient(http, session, "inspection")
{
    public Task<PagedList<InspectionSummary>> InspectionsAsync(int? year, string? status = null, CancellationToken ct = default) =>
        GetAsync<PagedList<InspectionSummary>>("inspections" + Query(("year", year), ("status", status), ("pageSize", 200)), ct);

    public Task<InspectionView> InspectionAsync(Guid id, CancellationToken ct = default) => GetAsync<InspectionView>($"inspections/{id}", ct);

    public Task<InspectionView> PlanAsync(object request, CancellationToken ct = default) => SendAsync<InspectionView>(HttpMethod.Post, "inspections", request, ct);

    public Task<InspectionView> StartAsync(Guid id, DateOnly? on, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Post, $"inspections/{id}/start", new { startedOn = on }, ct);

    public Task<InspectionView> RecordFindingAsync(Guid id, FindingForm form, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Post, $"inspections/{id}/findings", new
        {
            form.SubjectId, form.Severity, form.Description, form.IsViolation,
            Evidence = string.IsNullOrWhiteSpace(form.Evidence) ? Array.Empty<string>() : [form.Evidence.Trim()],
        }, ct);

    public Task<InspectionView> ConcludeAsync(Guid id, string? conclusion, DateOnly? on, IEnumerable<RecommendationForm> recommendations, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Post, $"inspections/{id}/conclude", new
        {
            conclusion, concludedOn = on,
            recommendations = Sent(recommendations),
        }, ct);

    /// <summary>Adds recommendations to a concluded inspection (the inspection committee), all or none.</summary>
    public Task<InspectionView> AddRecommendationsAsync(Guid id, IEnumerable<RecommendationForm> recommendations, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Post, $"inspections/{id}/recommendations", new { recommendations = Sent(recommendations) }, ct);

    /// <summary>Cancels an inspection not concluded, with the reason (the inspection committee).</summary>
    public Task<InspectionView> CancelInspectionAsync(Guid id, string? reason, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Post, $"inspections/{id}/cancel", new { reason }, ct);

    /// <summary>Removes a finding recorded by mistake, with its files, while the inspection is in progress.</summary>
    public Task RemoveFindingAsync(Guid id, Guid findingId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"inspections/{id}/findings/{findingId}", null, ct);

    private static IEnumerable<object> Sent(IEnumerable<RecommendationForm> recommendations) =>
        recommendations.Select(r => new { r.AddresseeId, r.Action, DueOn = r.DueOn is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null });

    /// <summary>Where the portal downloads the year's inspections as a spreadsheet (<paramref name="format"/> xlsx or csv).</summary>
    public static string InspectionsExportHref(int year, string format) => "/files/inspection/inspections/export" + Query(("year", year), ("format", format));

    public Task<PagedList<RecommendationSummary>> RecommendationsAsync(bool todo, bool overdue, Guid? unitId = null, CancellationToken ct = default) =>
        GetAsync<PagedList<RecommendationSummary>>("recommendations" + RecommendationsQuery(todo, overdue, unitId, ("pageSize", 200)), ct);

    /// <summary>Where the portal downloads the recommendations the follow-up board shows, with its filters.</summary>
    public static string RecommendationsExportHref(bool todo, bool overdue, Guid? unitId, string format) =>
        "/files/inspection/recommendations/export" + RecommendationsQuery(todo, overdue, unitId, ("format", format));

    private static string RecommendationsQuery(bool todo, bool overdue, Guid? unitId, (string, object?) more) =>
        Query(("todo", todo ? "true" : null), ("overdue", overdue ? "true" : null), ("unitId", unitId), more);

    public Task<RecommendationView> RecommendationAsync(Guid id, CancellationToken ct = default) => GetAsync<RecommendationView>($"recommendations/{id}", ct);

    /// <summary>Reports what the unit did, with a link and the files uploaded for this report.</summary>
    public Task<RecommendationView> ReportAsync(Guid id, string? whatWasDone, string? evidence, bool done, IEnumerable<Guid> fileIds, CancellationToken ct = default) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"recommendations/{id}/reports", new
        {
            whatWasDone, evidence = string.IsNullOrWhiteSpace(evidence) ? Array.Empty<string>() : [evidence.Trim()], done, fileIds,
        }, ct);

    /// <summary>Uploads a photo or document of what the unit did (at most 10 MB), to give with its next report.</summary>
    public Task<InspectionFile> UploadRecommendationFileAsync(Guid id, Stream file, string fileName, CancellationToken ct = default) =>
        UploadAsync<InspectionFile>($"recommendations/{id}/files", file, fileName, ct);

    /// <summary>Removes a file uploaded by mistake, before it is given with a report.</summary>
    public Task RemoveRecommendationFileAsync(Guid id, Guid fileId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Delete, $"recommendations/{id}/files/{fileId}", null, ct);

    /// <summary>A subject's assessment in an inspection over many units (the inspection committee).</summary>
    public Task<InspectionView> AssessAsync(Guid id, Guid subjectId, string stage, string? result, CancellationToken ct = default) =>
        SendAsync<InspectionView>(HttpMethod.Put, $"inspections/{id}/subjects/{subjectId}/assessment", new { stage, result }, ct);

    /// <summary>Attaches a photo or document to a finding (the inspection committee, while the inspection is in progress).</summary>
    public Task<InspectionFile> UploadFindingFileAsync(Guid id, Guid findingId, Stream file, string fileName, CancellationToken ct = default) =>
        UploadAsync<InspectionFile>($"inspections/{id}/findings/{findingId}/files", file, fileName, ct);

    public Task<RecommendationView> CloseAsync(Guid id, CancellationToken ct = default) => SendAsync<RecommendationView>(HttpMethod.Post, $"recommendations/{id}/close", null, ct);

    public Task<RecommendationView> ReopenAsync(Guid id, string? reason, CancellationToken ct = default) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"recommendations/{id}/reopen", new { reason }, ct);

    public Task<InspectionProgramme> ProgrammeAsync(int year, CancellationToken ct = default) => GetAsync<InspectionProgramme>("programme" + Query(("year", year)), ct);

    public Task<PlanLine> AddPlanLineAsync(int year, string? kind, string? topic, int? quarter, string? note, CancellationToken ct = default) =>
        SendAsync<PlanLine>(HttpMethod.Post, "programme", new { year, kind, topic, quarter, note }, ct);

    public Task<PlanLine> DropPlanLineAsync(Guid id, CancellationToken ct = default) => SendAsync<PlanLine>(HttpMethod.Delete, $"programme/{id}", null, ct);

    public Task<List<UnitStanding>> StandingAsync(Guid? unitId = null, CancellationToken ct = default) =>
        GetAsync<List<UnitStanding>>("standing" + Query(("unitId", unitId)), ct);

    public Task<List<SocialCritique>> SocialCritiquesAsync(int year, CancellationToken ct = default) =>
        GetAsync<List<SocialCritique>>("social-critiques" + Query(("year", year)), ct);

    public static string SocialCritiquesExportHref(int year, string format) => "/files/inspection/social-critiques/export" + Query(("year", year), ("format", format));

    public Task<SocialCritique> ReceiveCritiqueAsync(string? document, string? sentBy, DateOnly? receivedOn, CancellationToken ct = default) =>
        SendAsync<SocialCritique>(HttpMethod.Post, "social-critiques", new { document, sentBy, receivedOn }, ct);

    public Task<SocialCritique> SendCritiqueOpinionsAsync(Guid id, string? opinions, DateOnly? sentOn, CancellationToken ct = default) =>
        SendAsync<SocialCritique>(HttpMethod.Post, $"social-critiques/{id}/opinions", new { opinions, sentOn }, ct);

    public Task<SocialCritique> RecordCritiqueResponseAsync(Guid id, string? response, DateOnly? respondedOn, CancellationToken ct = default) =>
        SendAsync<SocialCritique>(HttpMethod.Post, $"social-critiques/{id}/response", new { response, respondedOn }, ct);

    public Task<SocialCritique> WithdrawCritiqueAsync(Guid id, CancellationToken ct = default) =>
        SendAsync<SocialCritique>(HttpMethod.Post, $"social-critiques/{id}/withdraw", null, ct);

    /// <summary>The disciplinary decisions about a member the person may see (reading them is on the record).</summary>
    public Task<PagedList<DisciplinaryDecision>> DisciplineAsync(Guid memberId, CancellationToken ct = default) =>
        GetAsync<PagedList<DisciplinaryDecision>>("discipline" + Query(("memberId", memberId), ("pageSize", 100)), ct);

    public Task<DisciplinaryDecision> DecideDisciplineAsync(object decision, CancellationToken ct = default) =>
        SendAsync<DisciplinaryDecision>(HttpMethod.Post, "discipline", decision, ct);

    public Task<List<YouthForum>> YouthForumsAsync(int year, CancellationToken ct = default) =>
        GetAsync<List<YouthForum>>("youth-forums" + Query(("year", year)), ct);

    public Task<YouthForum> RecordForumAsync(object forum, CancellationToken ct = default) => SendAsync<YouthForum>(HttpMethod.Post, "youth-forums", forum, ct);

    /// <summary>Corrects a forum (the inspection committee or the bloc office): every field is sent again, and
    /// the inspection it fed with it (none unlinks it).</summary>
    public Task<YouthForum> CorrectForumAsync(Guid id, object forum, CancellationToken ct = default) =>
        SendAsync<YouthForum>(HttpMethod.Put, $"youth-forums/{id}", forum, ct);

    /// <summary>One disciplinary decision (reading it is on the record).</summary>
    public Task<DisciplinaryDecision> DisciplinaryDecisionAsync(Guid id, CancellationToken ct = default) =>
        GetAsync<DisciplinaryDecision>($"discipline/{id}", ct);

    /// <summary>Records that a decision was annulled, and why (the inspection committee); it stays on the record, annulled.</summary>
    public Task<DisciplinaryDecision> AnnulDisciplineAsync(Guid id, string? reason, CancellationToken ct = default) =>
        SendAsync<DisciplinaryDecision>(HttpMethod.Post, $"discipline/{id}/annul", new { reason }, ct);

    /// <summary>Corrects a line of the programme (the inspection committee); its units are sent again as they are.</summary>
    public Task<PlanLine> CorrectPlanLineAsync(Guid id, string? kind, string? topic, int? quarter, IReadOnlyList<Guid> unitIds, string? note,
        CancellationToken ct = default) =>
        SendAsync<PlanLine>(HttpMethod.Put, $"programme/{id}", new { kind, topic, quarter, unitIds, note }, ct);

    /// <summary>The follow-up reminders that reached the person's posts, newest first.</summary>
    public Task<List<FollowUpReminder>> FollowUpRemindersAsync(CancellationToken ct = default) => GetAsync<List<FollowUpReminder>>("reminders", ct);

    /// <summary>Where a post's follow-up reminders are e-mailed (a unit, a cluster, or the empty id for the bloc office); none when not given yet.</summary>
    public async Task<FollowUpContact?> FollowUpContactAsync(Guid nodeId, CancellationToken ct = default)
    {
        try
        {
            return await GetAsync<FollowUpContact>($"contacts/{nodeId}", ct);
        }
        catch (ApiProblem problem) when (problem.Status == 404)
        {
            return null;
        }
    }

    public Task<FollowUpContact> SetFollowUpContactAsync(Guid nodeId, string? email, CancellationToken ct = default) =>
        SendAsync<FollowUpContact>(HttpMethod.Put, $"contacts/{nodeId}", new { email }, ct);
}
