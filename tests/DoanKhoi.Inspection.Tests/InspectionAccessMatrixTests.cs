using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Inspection.Apis;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using DoanKhoi.Text;

namespace DoanKhoi.Inspection.Tests;

/// <summary>Each post against each of the inspection service's endpoints, on an inspection of unit A (with a
/// finding about a cadre of A), one of unit B, their recommendations, a disciplinary decision on A's cadre,
/// the bloc's registers: who sees, who records, what is hidden, and what "out of reach" answers.</summary>
public class InspectionAccessMatrixTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _cadre = Guid.CreateVersion7();
    private Guid _ofA, _ofB, _recommendationOfA, _findingOfA, _decision, _forumOfA;

    private DateOnly Today => VietnamTime.Today(factory.Clock);

    public async Task InitializeAsync()
    {
        await factory.StartMidYearAsync(_bloc, _cadre);
        var committee = factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee));
        (_ofA, _recommendationOfA, _findingOfA) = await ConcludedAsync(committee, _bloc.UnitA, withCadre: true);
        (_ofB, _, _) = await ConcludedAsync(committee, _bloc.UnitB, withCadre: false);
        _decision = (await (await committee.PostAsJsonAsync("/discipline", new
        {
            memberId = _cadre, measure = "warning", decisionNumber = "07-QĐ/ĐK", decidedBy = "Ban Thường vụ Đoàn Khối", decidedOn = Today, reason = "Vi phạm",
        })).EnsureSuccessStatusCode().ReadAsync<DecisionView>())!.Id;
        _forumOfA = (await (await committee.PostAsJsonAsync("/youth-forums", new { title = "Tiếng nói thanh niên", heldOn = Today, unitId = _bloc.UnitA, participants = 40 }))
            .EnsureSuccessStatusCode().ReadAsync<YouthForumView>())!.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Inspection, Guid Recommendation, Guid Finding)> ConcludedAsync(HttpClient committee, Guid unit, bool withCadre)
    {
        object[] subjects = withCadre ? [new { kind = "unit", id = unit }, new { kind = "person", id = _cadre }] : [new { kind = "unit", id = unit }];
        var inspection = (await (await committee.PostAsJsonAsync("/inspections", new
        {
            kind = "thematic", topic = "Kiểm tra công tác đoàn viên", decisionNumber = "9-QĐ/UBKT", decidedOn = Today.AddDays(-9), plannedFrom = Today.AddDays(-8),
            plannedTo = Today.AddDays(-2), team = new[] { "kiemtra" }, subjects,
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!.Id;
        (await committee.PostAsJsonAsync($"/inspections/{inspection}/start", new { startedOn = Today.AddDays(-8) })).EnsureSuccessStatusCode();
        (await committee.PostAsJsonAsync($"/inspections/{inspection}/findings", new { subjectId = unit, severity = "serious", description = "Sổ sách chưa cập nhật" }))
            .EnsureSuccessStatusCode();
        if (withCadre)
            (await committee.PostAsJsonAsync($"/inspections/{inspection}/findings", new { subjectId = _cadre, severity = "notable", description = "Chậm nộp đoàn phí", isViolation = true }))
                .EnsureSuccessStatusCode();
        var concluded = (await (await committee.PostAsJsonAsync($"/inspections/{inspection}/conclude", new
        {
            conclusion = "Kết luận", concludedOn = Today.AddDays(-1), recommendations = new[] { new { addresseeId = unit, action = "Cập nhật sổ", dueOn = Today.AddDays(20) } },
        })).EnsureSuccessStatusCode().ReadAsync<InspectionView>())!;
        return (inspection, concluded.Recommendations.Single().Id, concluded.Findings.First(f => !f.IsPersonal).Id);
    }

    private static bool IsBloc(Who who) => who is Who.BlocOffice or Who.StandingCommittee or Who.InspectionCommittee or Who.ReadOnlySystem;

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_post_sees_the_inspections_of_the_units_it_reaches_and_a_cadres_finding_only_if_it_needs_it(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));

        var list = (await client.GetFromJsonAsync<PagedList<InspectionSummary>>("/inspections", ProblemAssertions.Json))!.Items.Select(i => i.Id).ToHashSet();
        var recommendations = (await client.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations", ProblemAssertions.Json))!.Items.Select(r => r.Id).ToHashSet();
        var standing = (await client.GetFromJsonAsync<List<StandingView>>("/standing", ProblemAssertions.Json))!.Select(s => s.UnitId).ToHashSet();
        var forums = (await client.GetFromJsonAsync<List<YouthForumView>>("/youth-forums", ProblemAssertions.Json))!.Select(f => f.Id).ToHashSet();
        var decisions = (await client.GetFromJsonAsync<PagedList<DecisionView>>("/discipline", ProblemAssertions.Json))!.Items.Select(d => d.Id).ToHashSet();

        foreach (var (inspection, unit, inside) in new[] { (_ofA, _bloc.UnitA, true), (_ofB, _bloc.UnitB, false) })
        {
            var sees = MatrixBloc.Reaches(who, inside);
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/inspections/{inspection}")).StatusCode);
            Assert.Equal((sees, sees), (list.Contains(inspection), standing.Contains(unit)));
        }
        var reachesA = MatrixBloc.Reaches(who, true);
        Assert.Equal((reachesA, reachesA, reachesA), (recommendations.Contains(_recommendationOfA), forums.Contains(_forumOfA), decisions.Contains(_decision)));
        Assert.Equal(reachesA ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/recommendations/{_recommendationOfA}")).StatusCode);
        Assert.Equal(reachesA ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await client.GetAsync($"/discipline/{_decision}")).StatusCode);
        if (reachesA)
        {
            var seen = (await client.GetFromJsonAsync<InspectionView>($"/inspections/{_ofA}", ProblemAssertions.Json))!;
            var aboutCadre = seen.Findings.Single(f => f.IsPersonal);
            Assert.Equal(who is not (Who.InspectionCommittee or Who.StandingCommittee), aboutCadre.Hidden);
        }
        var blocRegister = IsBloc(who) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal((blocRegister, blocRegister), ((await client.GetAsync("/programme")).StatusCode, (await client.GetAsync("/social-critiques")).StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/reminders")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Each_posts_downloads_hold_the_rows_of_its_lists_and_no_cadres_name_or_finding(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var inspections = (await client.GetFromJsonAsync<PagedList<InspectionSummary>>("/inspections", ProblemAssertions.Json))!.Items;
        var recommendations = (await client.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations", ProblemAssertions.Json))!.Items;

        var inspectionsFile = await client.GetAsync("/inspections/export?format=csv");
        var recommendationsFile = await client.GetAsync("/recommendations/export?format=csv");
        var critiquesFile = await client.GetAsync("/social-critiques/export?format=csv");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, IsBloc(who) ? HttpStatusCode.OK : HttpStatusCode.Forbidden),
            (inspectionsFile.StatusCode, recommendationsFile.StatusCode, critiquesFile.StatusCode));
        var inspectionsText = await inspectionsFile.Content.ReadAsStringAsync();
        Assert.Equal((inspections.Count, recommendations.Count), (Lines(inspectionsText), Lines(await recommendationsFile.Content.ReadAsStringAsync())));
        Assert.Equal(MatrixBloc.Reaches(who, false), inspectionsText.Contains("Đoàn B"));
        Assert.DoesNotContain("Lương Văn Hùng", inspectionsText);
        Assert.DoesNotContain("Chậm nộp đoàn phí", inspectionsText);

        // The rows of a file after its header (no cell of these holds a line break).
        static int Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
    }

    [Theory]
    [MemberData(nameof(MatrixBloc.Everyone), MemberType = typeof(MatrixBloc))]
    public async Task Only_the_committee_records_and_verifies_and_only_the_units_secretary_reports_what_it_did(Who who)
    {
        var client = factory.CreateClient().As(_bloc.TokenOf(who));
        var reachesA = MatrixBloc.Reaches(who, true);
        var committee = who == Who.InspectionCommittee;
        HttpStatusCode Refused(bool reaches) => who == Who.ReadOnlySystem || reaches ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;

        var planned = await client.PostAsJsonAsync("/inspections", new
        {
            kind = "supervision", topic = "Giám sát", decisionNumber = "1", decidedOn = Today, plannedFrom = Today, plannedTo = Today, team = new[] { "kiemtra" },
            subjects = new[] { new { kind = "unit", id = _bloc.UnitA } },
        });
        var finding = await client.PostAsJsonAsync($"/inspections/{_ofA}/findings", new { subjectId = _bloc.UnitA, severity = "minor", description = "x" });
        var findingFile = await client.PostAsync($"/inspections/{_ofA}/findings/{_findingOfA}/files", Minutes());
        var upload = await client.PostAsync($"/recommendations/{_recommendationOfA}/files", Minutes());
        var report = await client.PostAsJsonAsync($"/recommendations/{_recommendationOfA}/reports", new { whatWasDone = "Đang cập nhật", done = false });
        var close = await client.PostAsync($"/recommendations/{_recommendationOfA}/close", null);
        var decide = await client.PostAsJsonAsync("/discipline", new { memberId = _cadre, measure = "reprimand" });
        var critique = await client.PostAsJsonAsync("/social-critiques", new { document = "Dự thảo", sentBy = "UBND tỉnh", receivedOn = Today });
        var line = await client.PostAsJsonAsync("/programme", new { year = Today.Year, kind = "thematic", topic = "Chuyên đề", quarter = 1 });

        Assert.Equal(committee ? HttpStatusCode.Created : HttpStatusCode.Forbidden, planned.StatusCode);
        // A concluded inspection takes no finding: the committee is told why, the others that it is not theirs.
        Assert.Equal(committee ? HttpStatusCode.UnprocessableEntity : Refused(reachesA), finding.StatusCode);
        var secretaryOfA = who is Who.SecretaryOfA or Who.SecretaryOfBranchInA;
        Assert.Equal(secretaryOfA ? HttpStatusCode.OK : Refused(reachesA), report.StatusCode);
        // The unit's secretary uploads what it did; a concluded inspection's findings take no more files.
        Assert.Equal(secretaryOfA ? HttpStatusCode.Created : Refused(reachesA), upload.StatusCode);
        Assert.Equal(committee ? HttpStatusCode.UnprocessableEntity : Refused(reachesA), findingFile.StatusCode);
        // Never reported done: the committee hears the rule.
        Assert.Equal(committee ? HttpStatusCode.UnprocessableEntity : Refused(reachesA), close.StatusCode);
        Assert.Equal(committee ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, decide.StatusCode);   // no decision number: 400 for the committee
        Assert.Equal(who is Who.InspectionCommittee or Who.BlocOffice ? HttpStatusCode.Created : HttpStatusCode.Forbidden, critique.StatusCode);
        Assert.Equal(committee ? HttpStatusCode.Created : HttpStatusCode.Forbidden, line.StatusCode);
    }

    private static MultipartFormDataContent Minutes() => new() { { new ByteArrayContent("%PDF-1.4\n"u8.ToArray()), "file", "bien-ban.pdf" } };
}
