using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Apis;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Mail;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Security;
using DoanKhoi.Testing;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Inspection.Tests;

/// <summary>An inspection run and followed up on real PostgreSQL: planned over two units and a cadre,
/// its findings recorded, concluded with recommendations, each unit seeing its own part, a cadre's finding
/// kept from those who do not need it (and its reading on the record), recommendations reported done by the
/// secretary and closed by the committee, the unit's standing counted and published.</summary>
public class InspectionsApiTests(InspectionApiFactory factory) : IClassFixture<InspectionApiFactory>, IAsyncLifetime
{
    private readonly MatrixBloc _bloc = new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
    private readonly Guid _cadre = Guid.CreateVersion7();

    public Task InitializeAsync() => factory.StartMidYearAsync(_bloc, _cadre);

    public Task DisposeAsync() => Task.CompletedTask;

    private DateOnly Today => VietnamTime.Today(factory.Clock);
    private HttpClient Committee => factory.CreateClient().As(Post.Bloc(Role.InspectionCommittee));
    private HttpClient SecretaryOfA => factory.CreateClient().As(Post.OnUnit(_bloc.UnitA));
    private HttpClient SecretaryOfB => factory.CreateClient().As(Post.OnUnit(_bloc.UnitB));

    private object Plan(string kind = "thematic") => new
    {
        kind, topic = "Kiểm tra việc thực hiện Nghị quyết Đại hội", decisionNumber = "12-QĐ/UBKT", decidedOn = Today.AddDays(-20),
        plannedFrom = Today.AddDays(-15), plannedTo = Today.AddDays(-5), team = new[] { "kiemtra" },
        subjects = new object[] { new { kind = "unit", id = _bloc.UnitA }, new { kind = "unit", id = _bloc.UnitB }, new { kind = "person", id = _cadre } },
    };

    private async Task<InspectionView> StartedAsync(string kind = "thematic")
    {
        var planned = await (await Committee.PostAsJsonAsync("/inspections", Plan(kind))).ReadAsync<InspectionView>();
        var started = await Committee.PostAsJsonAsync($"/inspections/{planned!.Id}/start", new { startedOn = Today.AddDays(-10) });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (await started.ReadAsync<InspectionView>())!;
    }

    private async Task<InspectionView> FindAsync(Guid inspection, Guid subject, string severity, string description, bool violation = false)
    {
        var response = await Committee.PostAsJsonAsync($"/inspections/{inspection}/findings", new
        {
            subjectId = subject, severity, description, isViolation = violation, evidence = new[] { "https://drive.example.org/bien-ban-kiem-tra.pdf" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<InspectionView>())!;
    }

    [Fact]
    public async Task The_committee_plans_an_inspection_over_two_units_and_a_cadre_and_it_is_published_planned()
    {
        var response = await Committee.PostAsJsonAsync("/inspections", Plan());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inspection = (await response.ReadAsync<InspectionView>())!;
        Assert.Equal((InspectionStatus.Planned, 3, "12-QĐ/UBKT"), (inspection.Status, inspection.Subjects.Count, inspection.DecisionNumber));
        Assert.Equal(["Đoàn A", "Đoàn B", "Lương Văn Hùng"], inspection.Subjects.Select(s => s.Name));
        Assert.True(await factory.PublishedAsync<InspectionChanged>(e => e.Inspection.InspectionId == inspection.Id && e.Inspection.Status == InspectionStatus.Planned
            && e.Inspection.UnitIds.Count == 2));
    }

    [Fact]
    public async Task A_malformed_plan_names_every_field_and_a_subject_that_is_not_in_the_organisation()
    {
        var problem = await (await Committee.PostAsJsonAsync("/inspections", new
        {
            kind = "audit", topic = " ", decidedOn = Today, plannedFrom = Today.AddDays(-1), plannedTo = Today.AddDays(-3), team = Array.Empty<string>(),
            subjects = new object[] { new { kind = "unit", id = Guid.NewGuid() }, new { kind = "branch", id = _bloc.UnitA } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem.ShouldNameFields("kind", "topic", "decisionNumber", "plannedTo", "plannedFrom", "team", "subjects[0].id", "subjects[1].kind");
    }

    [Fact]
    public async Task Concluding_with_no_finding_is_refused_and_a_recommendation_due_before_the_conclusion_names_its_position()
    {
        var inspection = await StartedAsync();
        var empty = await (await Committee.PostAsJsonAsync($"/inspections/{inspection.Id}/conclude", new { conclusion = "Đơn vị thực hiện tốt.", concludedOn = Today }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("No finding is recorded", empty.GetProperty("detail").GetString());
        await FindAsync(inspection.Id, _bloc.UnitA, "notable", "Sổ sách chưa cập nhật");

        var early = await (await Committee.PostAsJsonAsync($"/inspections/{inspection.Id}/conclude", new
        {
            conclusion = "Kết luận", concludedOn = Today.AddDays(-1),
            recommendations = new object[]
            {
                new { addresseeId = _bloc.UnitA, action = "Cập nhật sổ đoàn viên", dueOn = Today.AddDays(30) },
                new { addresseeId = _bloc.UnitA, action = "Họp kiểm điểm", dueOn = Today.AddDays(-2) },
            },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        early.ShouldNameFields("recommendations[1].dueOn");
        var stored = await Committee.GetFromJsonAsync<InspectionView>($"/inspections/{inspection.Id}", ProblemAssertions.Json);
        Assert.Equal((InspectionStatus.InProgress, 0), (stored!.Status, stored.Recommendations.Count));   // nothing half-written
    }

    [Fact]
    public async Task A_secretary_sees_only_their_units_part_and_a_cadres_finding_is_read_only_by_the_committees_on_the_record()
    {
        var inspection = await StartedAsync();
        await FindAsync(inspection.Id, _bloc.UnitA, "minor", "Biên bản sinh hoạt thiếu chữ ký");
        await FindAsync(inspection.Id, _bloc.UnitB, "serious", "Không tổ chức sinh hoạt chi đoàn 3 tháng");
        await FindAsync(inspection.Id, _cadre, "serious", "Sử dụng kinh phí đoàn sai mục đích", violation: true);

        var seenByA = (await SecretaryOfA.GetFromJsonAsync<InspectionView>($"/inspections/{inspection.Id}", ProblemAssertions.Json))!;
        Assert.Equal(["Đoàn A", "Lương Văn Hùng"], seenByA.Subjects.Select(s => s.Name));
        Assert.Equal(2, seenByA.Findings.Count);
        var aboutCadre = seenByA.Findings.Single(f => f.IsPersonal);
        Assert.Equal((true, (string?)null, 0), (aboutCadre.Hidden, aboutCadre.Description, aboutCadre.Evidence.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().As(Post.OnUnit(Guid.NewGuid())).GetAsync($"/inspections/{inspection.Id}")).StatusCode);

        var standing = factory.CreateClient().As(Post.Bloc(Role.StandingCommittee));
        var seen = (await standing.GetFromJsonAsync<InspectionView>($"/inspections/{inspection.Id}", ProblemAssertions.Json))!;
        Assert.Equal("Sử dụng kinh phí đoàn sai mục đích", seen.Findings.Single(f => f.IsPersonal).Description);
        var office = (await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetFromJsonAsync<InspectionView>($"/inspections/{inspection.Id}", ProblemAssertions.Json))!;
        Assert.True(office.Findings.Single(f => f.IsPersonal).Hidden);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InspectionDbContext>();
        var reads = await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.ReadPersonalData && e.EntityType == "Finding").ToListAsync();
        // The committee read them in the answers to its own recording; the bloc office and the secretary never did.
        Assert.Equal(["test.inspection-committee", "test.standing-committee"], reads.Select(r => r.Actor).Distinct().Order(StringComparer.Ordinal));
    }

    private async Task<(InspectionView Inspection, RecommendationSummary ForA)> ConcludedAsync(DateOnly dueOn)
    {
        var inspection = await StartedAsync();
        var withFinding = await FindAsync(inspection.Id, _bloc.UnitA, "serious", "Không tổ chức sinh hoạt chi đoàn 3 tháng");
        var finding = withFinding.Findings.Single().Id;
        var concluded = await Committee.PostAsJsonAsync($"/inspections/{inspection.Id}/conclude", new
        {
            conclusion = "Đơn vị cần khắc phục ngay.", concludedOn = Today.AddDays(-2),
            recommendations = new object[] { new { addresseeId = _bloc.UnitA, action = "Tổ chức lại sinh hoạt chi đoàn", dueOn, findingIds = new[] { finding } } },
        });
        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        var view = (await concluded.ReadAsync<InspectionView>())!;
        return (view, view.Recommendations.Single());
    }

    [Fact]
    public async Task Concluding_publishes_the_day_K14_counts_and_the_units_standing_carries_the_open_serious_finding()
    {
        var (inspection, _) = await ConcludedAsync(Today.AddDays(30));

        Assert.Equal(InspectionStatus.Concluded, inspection.Status);
        Assert.True(await factory.PublishedAsync<InspectionChanged>(e => e.Inspection.InspectionId == inspection.Id
            && e.Inspection.Status == InspectionStatus.Concluded && e.Inspection.ConcludedOn == Today.AddDays(-2) && e.Inspection.Kind == InspectionKind.Thematic));
        Assert.True(await factory.PublishedAsync<UnitStandingChanged>(e => e.UnitId == _bloc.UnitA && e.OpenSeriousFindings == 1 && e.OpenRecommendations == 1
            && e.OverdueRecommendations == 0));
        var standing = await factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA)).GetFromJsonAsync<List<StandingView>>("/standing", ProblemAssertions.Json);
        Assert.Equal([(_bloc.UnitA, 1, 0)], standing!.Select(s => (s.UnitId, s.OpenSeriousFindings, s.OverdueRecommendations)));
    }

    [Fact]
    public async Task The_secretary_reports_a_recommendation_done_with_evidence_and_the_committee_closes_it_which_settles_the_finding()
    {
        var (_, recommendation) = await ConcludedAsync(Today.AddDays(30));
        var never = await (await Committee.PostAsync($"/recommendations/{recommendation.Id}/close", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("never reported done", never.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await SecretaryOfB.PostAsJsonAsync($"/recommendations/{recommendation.Id}/reports",
            new { whatWasDone = "x", done = false })).StatusCode);
        var noEvidence = await (await SecretaryOfA.PostAsJsonAsync($"/recommendations/{recommendation.Id}/reports", new { whatWasDone = "Đã họp", done = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noEvidence.ShouldNameFields("evidence");

        var reported = await SecretaryOfA.PostAsJsonAsync($"/recommendations/{recommendation.Id}/reports", new
        {
            whatWasDone = "Đã tổ chức sinh hoạt chi đoàn tháng 11", evidence = new[] { "https://drive.example.org/bien-ban-sinh-hoat.pdf" }, done = true,
        });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SecretaryOfA.PostAsync($"/recommendations/{recommendation.Id}/close", null)).StatusCode);
        var closed = await Committee.PostAsync($"/recommendations/{recommendation.Id}/close", null);

        var view = (await closed.ReadAsync<RecommendationView>())!;
        Assert.Equal((RecommendationStatus.Closed, "test.inspection-committee", 1), (view.Status, view.ClosedBy, view.Reports.Count));
        Assert.True(await factory.PublishedAsync<UnitStandingChanged>(e => e.UnitId == _bloc.UnitA && e.OpenSeriousFindings == 0 && e.OpenRecommendations == 0));
        Assert.Empty((await SecretaryOfA.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?todo=true", ProblemAssertions.Json))!.Items);
    }

    [Fact]
    public async Task An_overdue_recommendation_is_on_the_follow_up_board_and_escalates_once_per_stage_even_with_two_runs_at_once()
    {
        var (_, recommendation) = await ConcludedAsync(Today.AddDays(10));
        var board = await Committee.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?overdue=true", ProblemAssertions.Json);
        Assert.Empty(board!.Items);

        factory.Clock.SetDay(Today.AddDays(5));   // five days before the due day: the secretary
        await FollowUpTwiceAtOnceAsync();
        factory.Clock.SetDay(Today.AddDays(6));   // the day after the due day: the cluster lead
        await FollowUpTwiceAtOnceAsync();
        await FollowUpTwiceAtOnceAsync();

        var secretary = await SecretaryOfA.GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        var lead = await factory.CreateClient().As(Post.OnCluster(_bloc.ClusterA)).GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        var office = await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        Assert.Equal([EscalationStage.Secretary], secretary!.Select(r => r.Stage));
        Assert.Equal([EscalationStage.ClusterLead], lead!.Select(r => r.Stage));
        Assert.Empty(office!);
        board = await Committee.GetFromJsonAsync<PagedList<RecommendationSummary>>("/recommendations?overdue=true", ProblemAssertions.Json);
        Assert.Equal([recommendation.Id], board!.Items.Select(r => r.Id));
        Assert.True(await factory.PublishedAsync<UnitStandingChanged>(e => e.UnitId == _bloc.UnitA && e.OverdueRecommendations == 1));

        factory.Clock.SetDay(Today.AddDays(8));   // more than a week late: the bloc office
        await FollowUpTwiceAtOnceAsync();
        office = await factory.CreateClient().As(Post.Bloc(Role.BlocOffice)).GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        Assert.Equal([(EscalationStage.BlocOffice, "Đoàn A")], office!.Select(r => (r.Stage, r.UnitName)));
    }

    [Fact]
    public async Task A_recommendation_reopened_with_a_new_due_day_is_followed_up_again_and_one_reopened_on_the_same_day_is_not_reminded_twice()
    {
        var (firstDue, secondDue) = (Today.AddDays(10), Today.AddDays(40));
        var (_, recommendation) = await ConcludedAsync(firstDue);
        factory.Clock.SetDay(firstDue.AddDays(-5));   // the secretary is reminded
        await FollowUpTwiceAtOnceAsync();
        async Task ReportedDoneAndReopenedAsync(DateOnly? dueOn)
        {
            (await SecretaryOfA.PostAsJsonAsync($"/recommendations/{recommendation.Id}/reports", new
            {
                whatWasDone = "Đã nộp đủ đoàn phí", evidence = new[] { "https://drive.example.org/phieu-thu.pdf" }, done = true,
            })).EnsureSuccessStatusCode();
            (await Committee.PostAsJsonAsync($"/recommendations/{recommendation.Id}/reopen", new { reason = "Còn thiếu phiếu thu quý III", dueOn }))
                .EnsureSuccessStatusCode();
        }

        // Reopened on the same due day: the secretary was told of it already.
        await ReportedDoneAndReopenedAsync(null);
        await FollowUpTwiceAtOnceAsync();
        // Reopened with a new due day: a new round, from the secretary five days before it.
        await ReportedDoneAndReopenedAsync(secondDue);
        await FollowUpTwiceAtOnceAsync();
        factory.Clock.SetDay(secondDue.AddDays(-5));
        await FollowUpTwiceAtOnceAsync();

        var reminders = await SecretaryOfA.GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        Assert.Equal([(EscalationStage.Secretary, firstDue), (EscalationStage.Secretary, secondDue)],
            reminders!.Where(r => r.RecommendationId == recommendation.Id).Select(r => (r.Stage, r.DueOn)).OrderBy(r => r.DueOn));
    }

    [Fact]
    public async Task A_reminder_is_e_mailed_in_Vietnamese_once_to_the_unit_s_address_by_two_senders_at_once()
    {
        await using var smtp = new SmtpListener();
        (await SecretaryOfA.PutAsJsonAsync($"/contacts/{_bloc.UnitA}", new { email = "bithu.doana@example.org" })).EnsureSuccessStatusCode();
        var due = Today.AddDays(10);
        var (_, recommendation) = await ConcludedAsync(due);
        factory.Clock.SetDay(due.AddDays(-5));   // the secretary's reminder
        await FollowUpTwiceAtOnceAsync();

        var mailer = new FollowUpMailer(factory.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "doankhoi@example.org" }), factory.Clock, NullLogger<FollowUpMailer>.Instance);
        await Task.WhenAll(mailer.SendPendingAsync(CancellationToken.None), mailer.SendPendingAsync(CancellationToken.None));
        await mailer.SendPendingAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "bithu.doana@example.org"));
        Assert.Contains("Sắp đến hạn thực hiện kiến nghị sau kiểm tra", mail.Subject);
        Assert.Contains(due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), mail.Subject);
        Assert.Contains(recommendation.Action, mail.TextBody);
        var reminders = await SecretaryOfA.GetFromJsonAsync<List<ReminderView>>("/reminders", ProblemAssertions.Json);
        Assert.True(reminders!.Single(r => r.RecommendationId == recommendation.Id).Emailed);
    }

    private async Task FollowUpTwiceAtOnceAsync()
    {
        async Task RunAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FollowUp>().RunAsync(CancellationToken.None);
        }
        await Task.WhenAll(RunAsync(), RunAsync());
    }

    [Fact]
    public async Task An_expulsion_is_published_for_membership_and_the_member_alone_among_members_sees_it()
    {
        var response = await Committee.PostAsJsonAsync("/discipline", new
        {
            memberId = _cadre, measure = "expulsion", decisionNumber = "05-QĐ/ĐK", decidedBy = "Ban Thường vụ Đoàn Khối", decidedOn = Today.AddDays(-1),
            reason = "Vi phạm nghiêm trọng Điều lệ Đoàn",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = (await response.ReadAsync<DecisionView>())!;
        Assert.True(await factory.PublishedAsync<DisciplineDecided>(e => e.DecisionId == decision.Id && e.MemberId == _cadre && e.Measure == DisciplinaryMeasure.Expulsion
            && e.UnitId == _bloc.UnitA && e.EffectiveOn == Today.AddDays(-1)));
        var himself = factory.CreateClient().As(Post.OfMember(_cadre));
        Assert.Equal([decision.Id], (await himself.GetFromJsonAsync<PagedList<DecisionView>>("/discipline", ProblemAssertions.Json))!.Items.Select(d => d.Id));
        Assert.Empty((await factory.CreateClient().As(Post.OfMember(Guid.NewGuid())).GetFromJsonAsync<PagedList<DecisionView>>("/discipline", ProblemAssertions.Json))!.Items);
        Assert.Equal(HttpStatusCode.NotFound, (await SecretaryOfB.GetAsync($"/discipline/{decision.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SecretaryOfA.PostAsJsonAsync("/discipline", new { memberId = _cadre, measure = "warning" })).StatusCode);
    }

    [Fact]
    public async Task The_programme_counts_the_concluded_thematic_inspections_and_the_social_critique_sent_against_K14()
    {
        var line = await (await Committee.PostAsJsonAsync("/programme", new { year = Today.Year, kind = "supervision", topic = "Giám sát công tác cán bộ", quarter = 2 }))
            .ReadAsync<PlanItemView>();
        await ConcludedAsync(Today.AddDays(30));
        var critique = await (await Committee.PostAsJsonAsync("/social-critiques", new
        {
            document = "Dự thảo Nghị quyết về hỗ trợ thanh niên khởi nghiệp", sentBy = "UBND tỉnh", receivedOn = Today.AddDays(-10),
        })).ReadAsync<SocialCritiqueView>();
        Assert.Equal(HttpStatusCode.OK, (await Committee.PostAsJsonAsync($"/social-critiques/{critique!.Id}/opinions",
            new { opinions = "Bổ sung đối tượng thanh niên dân tộc thiểu số", sentOn = Today.AddDays(-3) })).StatusCode);

        var programme = await Committee.GetFromJsonAsync<ProgrammeView>($"/programme?year={Today.Year}", ProblemAssertions.Json);

        Assert.Equal((1, 1, 1), (programme!.PlannedForK14, programme.ConcludedForK14, programme.SocialCritiqueSent));
        Assert.Equal([line!.Id], programme.Items.Select(i => i.Id));
        Assert.True(await factory.PublishedAsync<SocialCritiqueChanged>(e => e.SocialCritique.SocialCritiqueId == critique.Id
            && e.SocialCritique.OpinionsSentOn == Today.AddDays(-3)));
        Assert.Equal(HttpStatusCode.Forbidden, (await SecretaryOfA.GetAsync($"/programme?year={Today.Year}")).StatusCode);
    }
}
