using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Supervision;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Tests;

/// <summary>The state machines of an inspection, a recommendation, a disciplinary decision and a
/// social-critique item, on the aggregates themselves.</summary>
public class InspectionRulesTests
{
    private static readonly DateTimeOffset Now = new(2023, 5, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2023, 5, 10);
    private static readonly SubjectOf UnitA = UnitNamed("Đoàn TN Sở Tài chính");
    private static readonly SubjectOf UnitB = UnitNamed("Đoàn TN Sở Y tế");
    private static readonly SubjectOf Cadre = new(SubjectKind.Person, Guid.CreateVersion7(), UnitA.Id, "Lương Văn Hùng");

    private static SubjectOf UnitNamed(string name)
    {
        var id = Guid.CreateVersion7();
        return new SubjectOf(SubjectKind.Unit, id, id, name);
    }

    private static InspectionDetails Details(InspectionKind kind = InspectionKind.Thematic) => InspectionDetails.Of(kind,
        "Kiểm tra  việc thực hiện Nghị quyết ", "12-QĐ/UBKT", new DateOnly(2023, 5, 2), new DateOnly(2023, 5, 15), new DateOnly(2023, 5, 30), ["kiemtra", "kiemtra "]);

    private static Domain.Inspections.Inspection Started(params SubjectOf[] subjects)
    {
        var inspection = Domain.Inspections.Inspection.Plan(Details(), subjects.Length == 0 ? [UnitA] : subjects, null, Now);
        inspection.Start(new DateOnly(2023, 5, 15), Now);
        return inspection;
    }

    private static FindingDetails Serious(bool violation = false) =>
        FindingDetails.Of(FindingSeverity.Serious, "Sổ sách đoàn viên không được cập nhật", violation, ["https://example.org/bien-ban.pdf"]);

    private static IReadOnlyList<object> Raised(AggregateRoot aggregate) => ((IRaisesEvents)aggregate).RaisedEvents;

    [Fact]
    public void Planning_cleans_the_topic_keeps_one_of_each_team_member_and_raises_the_state()
    {
        var inspection = Domain.Inspections.Inspection.Plan(Details(), [UnitA, Cadre], null, Now);

        Assert.Equal(("Kiểm tra việc thực hiện Nghị quyết", InspectionStatus.Planned, 2023), (inspection.Topic, inspection.Status, inspection.Year));
        Assert.Equal(["kiemtra"], inspection.Team);
        Assert.Equal([UnitA.Id], inspection.UnitIds);   // the cadre's unit is the unit inspected
        var changed = Assert.IsType<InspectionChanged>(Assert.Single(Raised(inspection)));
        Assert.Equal((1, InspectionKind.Thematic, (DateOnly?)null), (changed.Inspection.Version, changed.Inspection.Kind, changed.Inspection.ConcludedOn));
    }

    [Fact]
    public void Details_name_every_field_at_fault_at_once()
    {
        var e = Assert.Throws<ValidationFailedException>(() => InspectionDetails.Of(null, " ", "", new DateOnly(2023, 6, 1),
            new DateOnly(2023, 5, 20), new DateOnly(2023, 5, 10), []));

        Assert.Equal(["kind", "topic", "decisionNumber", "plannedTo", "plannedFrom", "team"], e.Errors.Keys);
    }

    [Fact]
    public void A_subject_named_twice_or_no_subject_is_refused()
    {
        Assert.Equal("subjects", Assert.Single(Assert.Throws<ValidationFailedException>(() => Domain.Inspections.Inspection.Plan(Details(), [], null, Now)).Errors.Keys));
        Assert.Equal("subjects", Assert.Single(Assert.Throws<ValidationFailedException>(() => Domain.Inspections.Inspection.Plan(Details(), [UnitA, UnitA], null, Now)).Errors.Keys));
    }

    [Fact]
    public void Findings_are_recorded_only_while_it_runs_and_only_about_its_subjects()
    {
        var inspection = Domain.Inspections.Inspection.Plan(Details(), [UnitA], null, Now);
        Assert.Throws<DomainRuleException>(() => inspection.RecordFinding(UnitA.Id, Serious(), "kiemtra", Now));

        inspection.Start(new DateOnly(2023, 5, 15), Now);
        var e = Assert.Throws<ValidationFailedException>(() => inspection.RecordFinding(UnitB.Id, Serious(), "kiemtra", Now));
        Assert.Equal("subjectId", Assert.Single(e.Errors.Keys));
        var finding = inspection.RecordFinding(UnitA.Id, Serious(), "kiemtra", Now);

        Assert.Equal((FindingSeverity.Serious, false, 1), (finding.Severity, finding.IsPersonal, inspection.Findings.Count));
    }

    [Fact]
    public void A_finding_about_a_person_is_personal_data()
    {
        var inspection = Started(UnitA, Cadre);

        Assert.True(inspection.RecordFinding(Cadre.Id, Serious(violation: true), "kiemtra", Now).IsPersonal);
    }

    [Fact]
    public void An_inspection_with_no_finding_recorded_cannot_be_concluded()
    {
        var inspection = Started();

        var e = Assert.Throws<DomainRuleException>(() => inspection.Conclude("Đơn vị thực hiện tốt.", new DateOnly(2023, 5, 30), Now));
        Assert.Contains("No finding is recorded", e.Message);
        Assert.Equal(InspectionStatus.InProgress, inspection.Status);
    }

    [Fact]
    public void A_planned_inspection_cannot_be_concluded_and_a_concluded_one_cannot_change()
    {
        var planned = Domain.Inspections.Inspection.Plan(Details(), [UnitA], null, Now);
        Assert.Throws<DomainRuleException>(() => planned.Conclude("Kết luận", Today, Now));

        var inspection = Started();
        inspection.RecordFinding(inspection.Subjects[0].Id, Serious(), "kiemtra", Now);
        inspection.Conclude("Kết luận: đơn vị cần cập nhật sổ sách.", new DateOnly(2023, 5, 30), Now);

        Assert.Throws<DomainRuleException>(() => inspection.RecordFinding(inspection.Subjects[0].Id, Serious(), "kiemtra", Now));
        Assert.Throws<DomainRuleException>(() => inspection.Cancel("Nhầm", Now));
        Assert.Throws<DomainRuleException>(() => inspection.Correct(Details(), Now));
    }

    [Fact]
    public void Concluding_assesses_every_subject_and_raises_the_day_K14_counts()
    {
        var inspection = Started(UnitA, UnitB);
        inspection.Assess(UnitA.Id, AssessmentStage.Assessed, "Đạt yêu cầu", Now);
        Assert.Equal(50, inspection.Progress);
        inspection.RecordFinding(UnitB.Id, Serious(), "kiemtra", Now);

        inspection.Conclude("Kết luận", new DateOnly(2023, 5, 30), Now);

        Assert.Equal(100, inspection.Progress);
        var changed = Assert.IsType<InspectionChanged>(Raised(inspection)[^1]);
        Assert.Equal((InspectionStatus.Concluded, (DateOnly?)new DateOnly(2023, 5, 30)), (changed.Inspection.Status, changed.Inspection.ConcludedOn));
        Assert.Equal(inspection.Version, changed.Inspection.Version);
    }

    [Fact]
    public void A_conclusion_cannot_come_before_the_inspection_started()
    {
        var inspection = Started();
        inspection.RecordFinding(inspection.Subjects[0].Id, Serious(), "kiemtra", Now);

        var e = Assert.Throws<ValidationFailedException>(() => inspection.Conclude("Kết luận", new DateOnly(2023, 5, 14), Now));
        Assert.Equal("concludedOn", Assert.Single(e.Errors.Keys));
    }

    private static Domain.Inspections.Inspection Concluded(out Guid findingId)
    {
        var inspection = Started(UnitA, Cadre);
        findingId = inspection.RecordFinding(Cadre.Id, Serious(violation: true), "kiemtra", Now).Id;
        inspection.Conclude("Kết luận", new DateOnly(2023, 5, 30), Now);
        return inspection;
    }

    [Fact]
    public void A_recommendation_due_before_the_conclusion_is_refused_as_a_rule()
    {
        var inspection = Concluded(out _);

        var e = Assert.Throws<DomainRuleException>(() => Recommendation.Address(inspection, UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 5, 29), null, Now));
        Assert.Contains("before the conclusion", e.Message);
    }

    [Fact]
    public void A_recommendation_is_addressed_to_a_subject_with_its_unit_and_only_of_a_concluded_inspection()
    {
        Assert.Throws<DomainRuleException>(() => Recommendation.Address(Started(), UnitA.Id, "Việc", new DateOnly(2023, 6, 30), null, Now));
        var inspection = Concluded(out var finding);

        var toCadre = Recommendation.Address(inspection, Cadre.Id, "Kiểm điểm trước chi đoàn", new DateOnly(2023, 6, 30), [finding], Now);

        Assert.Equal((SubjectKind.Person, UnitA.Id, RecommendationStatus.Open, 2023), (toCadre.AddresseeKind, toCadre.UnitId, toCadre.Status, toCadre.Year));
        var e = Assert.Throws<ValidationFailedException>(() => Recommendation.Address(inspection, UnitB.Id, "", null, [Guid.Empty], Now));
        Assert.Equal(["addresseeId", "action", "dueOn", "findingIds[0]"], e.Errors.Keys);
    }

    [Fact]
    public void A_recommendation_never_reported_done_cannot_be_closed()
    {
        var recommendation = Recommendation.Address(Concluded(out _), UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 6, 30), null, Now);
        Assert.Throws<DomainRuleException>(() => recommendation.Close("kiemtra", Now));

        recommendation.Report("Đã rà soát 30 hồ sơ", [], done: false, "bithu", Now);
        Assert.Equal(RecommendationStatus.InProgress, recommendation.Status);
        var e = Assert.Throws<DomainRuleException>(() => recommendation.Close("kiemtra", Now));
        Assert.Contains("never reported done", e.Message);
    }

    [Fact]
    public void Done_needs_evidence_then_the_committee_closes_it_or_reopens_it_with_a_reason()
    {
        var recommendation = Recommendation.Address(Concluded(out _), UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 6, 30), null, Now);
        var e = Assert.Throws<ValidationFailedException>(() => recommendation.Report("Đã cập nhật", [], done: true, "bithu", Now));
        Assert.Equal("evidence", Assert.Single(e.Errors.Keys));

        recommendation.Report("Đã cập nhật toàn bộ sổ", ["https://example.org/so-doan-vien.pdf"], done: true, "bithu", Now);
        Assert.Equal(RecommendationStatus.Done, recommendation.Status);
        Assert.Throws<DomainRuleException>(() => recommendation.Report("Thêm", [], false, "bithu", Now));   // it waits for the committee
        Assert.Throws<ValidationFailedException>(() => recommendation.Reopen(" ", null, Today, Now));

        recommendation.Reopen("Còn thiếu hồ sơ chi đoàn 3", new DateOnly(2023, 7, 15), Today, Now);
        Assert.Equal((RecommendationStatus.InProgress, new DateOnly(2023, 7, 15)), (recommendation.Status, recommendation.DueOn));
        recommendation.Report("Đã bổ sung", ["https://example.org/bo-sung.pdf"], done: true, "bithu", Now);
        recommendation.Close("kiemtra", Now);
        Assert.Equal((RecommendationStatus.Closed, "kiemtra"), (recommendation.Status, recommendation.ClosedBy));
        Assert.Throws<DomainRuleException>(() => recommendation.Close("kiemtra", Now));
        Assert.Throws<DomainRuleException>(() => recommendation.Report("Thêm", [], false, "bithu", Now));
    }

    [Fact]
    public void An_open_recommendation_past_its_due_day_is_overdue_until_it_is_reported_done()
    {
        var recommendation = Recommendation.Address(Concluded(out _), UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 6, 30), null, Now);

        Assert.False(recommendation.IsOverdueOn(new DateOnly(2023, 6, 30)));
        Assert.True(recommendation.IsOverdueOn(new DateOnly(2023, 7, 1)));
        recommendation.Report("Đang làm", [], false, "bithu", Now);
        Assert.True(recommendation.IsOverdueOn(new DateOnly(2023, 7, 1)));
        recommendation.Report("Xong", ["https://example.org/x.pdf"], true, "bithu", Now);
        Assert.False(recommendation.IsOverdueOn(new DateOnly(2023, 7, 1)));
    }

    [Theory]
    [InlineData("2023-06-22", EscalationStage.None)]
    [InlineData("2023-06-23", EscalationStage.Secretary)]      // a week before the due day
    [InlineData("2023-06-30", EscalationStage.Secretary)]      // the due day itself
    [InlineData("2023-07-01", EscalationStage.ClusterLead)]    // the day after
    [InlineData("2023-07-07", EscalationStage.ClusterLead)]
    [InlineData("2023-07-08", EscalationStage.BlocOffice)]     // more than a week late
    public void Reminders_go_to_the_secretary_then_the_cluster_lead_then_the_bloc_office(string day, EscalationStage expected)
    {
        var recommendation = Recommendation.Address(Concluded(out _), UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 6, 30), null, Now);

        Assert.Equal(expected, recommendation.DueStageOn(DateOnly.Parse(day), warnDays: 7, blocAfterDays: 7));
    }

    [Fact]
    public void A_recommendation_reported_done_reminds_no_one_and_a_reopening_starts_the_reminders_again()
    {
        var recommendation = Recommendation.Address(Concluded(out _), UnitA.Id, "Cập nhật sổ đoàn viên", new DateOnly(2023, 6, 30), null, Now);
        recommendation.Report("Xong", ["https://example.org/x.pdf"], true, "bithu", Now);

        Assert.Equal(EscalationStage.None, recommendation.DueStageOn(new DateOnly(2023, 7, 20), 7, 7));
        recommendation.Reopen("Chưa đủ", null, Today, Now);
        Assert.Equal(EscalationStage.BlocOffice, recommendation.DueStageOn(new DateOnly(2023, 7, 20), 7, 7));
        Assert.Equal(EscalationStage.None, recommendation.Escalation);
    }

    [Fact]
    public void Discipline_is_decided_on_a_person_for_a_violation_found_about_them_and_raised_for_membership()
    {
        var inspection = Concluded(out var finding);

        var decision = DisciplinaryDecision.Decide(Cadre, DisciplinaryMeasure.RemovalFromPost, "05-QĐ/ĐK", "Ban Thường vụ Đoàn Khối", new DateOnly(2023, 6, 2),
            null, "Vi phạm quy định quản lý hồ sơ", inspection, finding, "kiemtra", new DateOnly(2023, 6, 5), Now);

        var decided = Assert.IsType<DisciplineDecided>(Assert.Single(Raised(decision)));
        Assert.Equal((Cadre.Id, UnitA.Id, DisciplinaryMeasure.RemovalFromPost, new DateOnly(2023, 6, 2), false, 1),
            (decided.MemberId, decided.UnitId, decided.Measure, decided.EffectiveOn, decided.Annulled, decided.Version));
        decision.Annul("Cấp trên hủy quyết định", Now);
        Assert.True(Assert.IsType<DisciplineDecided>(Raised(decision)[^1]).Annulled);
        Assert.Throws<DomainRuleException>(() => decision.Annul("Lần nữa", Now));
    }

    [Fact]
    public void Discipline_refuses_a_unit_a_finding_about_someone_else_a_future_day_and_an_effect_before_the_decision()
    {
        var inspection = Started(UnitA, Cadre);
        var aboutUnit = inspection.RecordFinding(UnitA.Id, Serious(violation: true), "kiemtra", Now).Id;
        var notViolation = inspection.RecordFinding(Cadre.Id, Serious(violation: false), "kiemtra", Now).Id;

        var e = Assert.Throws<ValidationFailedException>(() => DisciplinaryDecision.Decide(Cadre, DisciplinaryMeasure.Warning, "1", "BTV",
            new DateOnly(2023, 6, 9), new DateOnly(2023, 6, 1), "Lý do", inspection, aboutUnit, "kiemtra", new DateOnly(2023, 6, 5), Now));
        Assert.Equal(["decidedOn", "effectiveOn", "findingId"], e.Errors.Keys);
        e = Assert.Throws<ValidationFailedException>(() => DisciplinaryDecision.Decide(Cadre, DisciplinaryMeasure.Warning, "1", "BTV",
            new DateOnly(2023, 6, 1), null, "Lý do", inspection, notViolation, "kiemtra", new DateOnly(2023, 6, 5), Now));
        Assert.Contains("not a violation", Assert.Single(e.Errors["findingId"]));
        e = Assert.Throws<ValidationFailedException>(() => DisciplinaryDecision.Decide(UnitA, DisciplinaryMeasure.Warning, "1", "BTV",
            new DateOnly(2023, 6, 1), null, "Lý do", null, null, "kiemtra", new DateOnly(2023, 6, 5), Now));
        Assert.Equal("memberId", Assert.Single(e.Errors.Keys));
    }

    [Fact]
    public void A_social_critique_counts_from_the_day_its_opinions_were_sent_and_a_response_answers_them()
    {
        var item = SocialCritique.Receive("Dự thảo Nghị quyết về hỗ trợ thanh niên khởi nghiệp", "UBND tỉnh Lạng Sơn", new DateOnly(2023, 3, 1), Today, Now);
        Assert.Null(item.ToSnapshot().OpinionsSentOn);
        Assert.Throws<DomainRuleException>(() => item.RecordResponse("Tiếp thu", new DateOnly(2023, 4, 1), Today, Now));
        var e = Assert.Throws<ValidationFailedException>(() => item.SendOpinions("Góp ý", new DateOnly(2023, 2, 28), Today, Now));
        Assert.Equal("sentOn", Assert.Single(e.Errors.Keys));

        item.SendOpinions("Đề nghị bổ sung đối tượng thanh niên dân tộc thiểu số", new DateOnly(2023, 3, 20), Today, Now);
        item.RecordResponse("Ban soạn thảo tiếp thu", new DateOnly(2023, 4, 2), Today, Now);

        var changed = Assert.IsType<SocialCritiqueChanged>(Raised(item)[^1]);
        Assert.Equal(((DateOnly?)new DateOnly(2023, 3, 20), 3, false), (changed.SocialCritique.OpinionsSentOn, changed.SocialCritique.Version, changed.SocialCritique.Withdrawn));
        item.Withdraw(Now);
        Assert.True(Assert.IsType<SocialCritiqueChanged>(Raised(item)[^1]).SocialCritique.Withdrawn);
        Assert.Throws<DomainRuleException>(() => item.SendOpinions("x", new DateOnly(2023, 3, 20), Today, Now));
    }

    [Fact]
    public void A_youth_forum_names_each_opinion_at_fault_by_its_position_and_links_to_a_running_inspection()
    {
        var e = Assert.Throws<ValidationFailedException>(() => YouthForum.Record("Diễn đàn Tiếng nói thanh niên", new DateOnly(2023, 3, 26), null, 120,
            [new OpinionInput("Cần thêm sân chơi", "văn hóa"), new OpinionInput(" ", null)], Today, Now));
        Assert.Equal("opinions[1].text", Assert.Single(e.Errors.Keys));

        var forum = YouthForum.Record("Diễn đàn Tiếng nói thanh niên", new DateOnly(2023, 3, 26), null, 120, [new OpinionInput("Cần thêm sân chơi", "văn hóa")], Today, Now);
        var cancelled = Domain.Inspections.Inspection.Plan(Details(InspectionKind.Supervision), [UnitA], null, Now);
        cancelled.Cancel("Trùng lịch", Now);
        Assert.Throws<DomainRuleException>(() => forum.LinkTo(cancelled, Now));
        var running = Started();
        forum.LinkTo(running, Now);
        Assert.Equal((running.Id, 2023, 1), (forum.InspectionId, forum.Year, forum.Opinions.Count));
    }
}
