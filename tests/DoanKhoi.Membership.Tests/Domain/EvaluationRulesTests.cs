using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Evaluations;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Tests.Domain;

/// <summary>The rules of the yearly evaluation and of the youth counts, without a database.</summary>
public class EvaluationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 26);
    private static readonly Decision Decision = new(Today, "bithu.syt", Now);

    private static Unit NewUnit() => Unit.Create(OrganisationCode.From("DTN-SYT"), OrganisationName.From("Đoàn Thanh niên Sở Y tế"), UnitKind.Agency,
        Cluster.Create(OrganisationCode.From("CUM-01"), OrganisationName.From("Cụm thi đua số 1"), Now), Now);

    private static Member NewMember(Unit unit, DateOnly? joined = null) => Member.Register(new MemberProfile(
        PersonName.From("Hoàng Thị Thu Trang"), new DateOnly(1998, 4, 1), Gender.Female, Ethnicity.From("Tày"), null, null, null,
        joined ?? new DateOnly(2015, 3, 26), null, false, PartyStatus.None), unit, null, Decision);

    private static IReadOnlyList<object> Raised(IRaisesEvents aggregate) => aggregate.RaisedEvents;

    [Theory]
    [InlineData(1999)]
    [InlineData(2027)]
    public void Only_the_years_from_2000_to_the_present_one_are_evaluated(int year)
    {
        var error = Assert.Throws<ValidationFailedException>(() => EvaluationYear.Open(year, Today));

        Assert.Contains("2000 to 2026", error.Errors["year"].Single());
    }

    [Fact]
    public void A_closed_year_refuses_every_grade_until_reopened_with_a_reason()
    {
        var unit = NewUnit();
        var member = NewMember(unit);
        var year = EvaluationYear.Open(2025, Today);
        var (evaluation, _) = MemberEvaluation.Give(year, null, member, Grade.Good, null, Decision);

        year.Close(Decision);

        Assert.Contains("closed", Assert.Throws<DomainRuleException>(() => MemberEvaluation.Give(year, evaluation, member, Grade.Excellent, null, Decision)).Message);
        Assert.Throws<DomainRuleException>(() => UnitEvaluation.Give(year, null, unit, Grade.Excellent, null, Decision));
        Assert.Throws<DomainRuleException>(() => year.Close(Decision));
        Assert.Throws<ValidationFailedException>(() => year.Reopen("  ", Decision));

        year.Reopen("Kết luận kiểm tra số 12", Decision);
        var (changed, didChange) = MemberEvaluation.Give(year, evaluation, member, Grade.Excellent, null, Decision);

        Assert.True(didChange);
        Assert.Equal((Grade.Excellent, 2), (changed.Grade, changed.Version));
        Assert.Equal([EvaluationYearChange.Closed, EvaluationYearChange.Reopened], year.Steps.Select(s => s.Change));
        Assert.Equal(["EvaluationYearClosed", "EvaluationYearReopened"], Raised(year).Select(e => e.GetType().Name));
    }

    [Fact]
    public void Grading_again_with_the_same_grade_changes_nothing_and_raises_nothing()
    {
        var member = NewMember(NewUnit());
        var year = EvaluationYear.Open(2025, Today);
        var (evaluation, _) = MemberEvaluation.Give(year, null, member, Grade.Pass, "Ghi chú", Decision);
        ((IRaisesEvents)evaluation).ClearRaisedEvents();

        var (same, changed) = MemberEvaluation.Give(year, evaluation, member, Grade.Pass, "Ghi chú", Decision);

        Assert.False(changed);
        Assert.Equal(1, same.Version);
        Assert.Empty(Raised(same));
    }

    [Fact]
    public void A_member_is_graded_only_for_a_year_they_belonged_to_the_union_and_while_they_are_a_member()
    {
        var unit = NewUnit();
        var late = NewMember(unit, joined: new DateOnly(2026, 1, 10));
        var gone = NewMember(unit);
        gone.Leave(LeaveReason.MovedAway, null, Decision);
        var year = EvaluationYear.Open(2025, Today);

        Assert.Contains("after 2025", Assert.Throws<DomainRuleException>(() => MemberEvaluation.Give(year, null, late, Grade.Good, null, Decision)).Message);
        Assert.Contains("no longer a member", Assert.Throws<DomainRuleException>(() => MemberEvaluation.Give(year, null, gone, Grade.Good, null, Decision)).Message);
    }

    [Fact]
    public void A_youth_count_of_the_same_day_corrects_the_first_and_a_closed_unit_counts_no_more()
    {
        var unit = NewUnit();
        var (first, _) = YouthCount.Record(unit, null, new DateOnly(2026, 3, 1), 40, null, Decision);
        var (second, changed) = YouthCount.Record(unit, first, new DateOnly(2026, 3, 1), 45, null, Decision);

        Assert.True(changed);
        Assert.Same(first, second);
        Assert.Equal((45, 2), (second.Youths, second.Version));
        Assert.Throws<ValidationFailedException>(() => YouthCount.Record(unit, null, new DateOnly(2026, 3, 2), -3, null, Decision));

        unit.Close(Today, "Hợp nhất vào Đoàn Sở Tài chính", Now);
        Assert.Throws<DomainRuleException>(() => YouthCount.Record(unit, null, Today, 10, null, Decision));
    }
}
