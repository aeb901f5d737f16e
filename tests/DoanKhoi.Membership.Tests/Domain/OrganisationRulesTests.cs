using System.Text;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Membership.Tests.Domain;

public class OrganisationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static Cluster NewCluster(string code = "CUM-01") => Cluster.Create(OrganisationCode.From(code), OrganisationName.From("Cụm thi đua số 1"), Now);

    private static Unit NewUnit(Cluster? cluster = null) =>
        Unit.Create(OrganisationCode.From("DTN-SYT"), OrganisationName.From("Đoàn Thanh niên Sở Y tế"), UnitKind.Agency, cluster ?? NewCluster(), Now);

    [Fact]
    public void A_name_typed_in_decomposed_form_is_stored_in_NFC_without_stray_spaces()
    {
        var decomposed = "  Đoàn   Trường THPT Việt Bắc ".Normalize(NormalizationForm.FormD);

        var name = OrganisationName.From(decomposed);

        Assert.Equal("Đoàn Trường THPT Việt Bắc", name.Value);
        Assert.True(name.Value.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(null, "A name is required.")]
    [InlineData("   ", "A name is required.")]
    public void A_missing_name_is_refused_on_the_name_field(string? text, string message)
    {
        var error = Assert.Throws<ValidationFailedException>(() => OrganisationName.From(text));
        Assert.Equal([message], error.Errors["name"]);
    }

    [Fact]
    public void A_name_over_200_characters_is_refused_and_says_how_long_it_was()
    {
        var error = Assert.Throws<ValidationFailedException>(() => OrganisationName.From(new string('a', 201)));
        Assert.Contains("201 characters", error.Errors["name"].Single());
        Assert.Equal(200, OrganisationName.From(new string('a', 200)).Value.Length);
    }

    [Theory]
    [InlineData("dtn-syt", "DTN-SYT")]
    [InlineData(" cum.01 ", "CUM.01")]
    public void Codes_are_kept_in_upper_case(string text, string expected) =>
        Assert.Equal(expected, OrganisationCode.From(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("-ABC")]
    [InlineData("ĐOÀN")]
    [InlineData("A B")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Codes_outside_the_pattern_are_refused_on_the_code_field(string text) =>
        Assert.True(Assert.Throws<ValidationFailedException>(() => OrganisationCode.From(text)).Errors.ContainsKey("code"));

    [Theory]
    [InlineData("Đoàn Trường THPT Việt Bắc", "doan truong thpt viet bac")]
    [InlineData("HOÀNG THỊ THU TRANG", "hoang thi thu trang")]
    [InlineData("Sở Lao động - Thương binh và Xã hội", "so lao dong - thuong binh va xa hoi")]
    public void Folding_removes_diacritics_and_case(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(text));

    [Fact]
    public void Each_change_of_a_unit_raises_its_version_and_is_kept_in_its_history()
    {
        var unit = NewUnit();
        var other = NewCluster("CUM-02");

        Assert.Equal("Đoàn Thanh niên Sở Y tế", unit.Rename(OrganisationName.From("Đoàn TN Sở Y tế"), Now));
        Assert.NotNull(unit.MoveTo(other, Now));
        unit.Close(new DateOnly(2026, 3, 2), "Sáp nhập", Now);

        Assert.Equal(4, unit.Version);
        Assert.Equal([UnitChange.Created, UnitChange.Renamed, UnitChange.Moved, UnitChange.Closed], unit.History.Select(h => h.Change));
        Assert.Equal(other.Id, unit.ClusterId);
        Assert.Equal(UnitStatus.Closed, unit.ToSnapshot().Status);
    }

    [Fact]
    public void Renaming_to_the_same_name_or_moving_to_the_same_cluster_changes_nothing()
    {
        var cluster = NewCluster();
        var unit = NewUnit(cluster);

        Assert.Null(unit.Rename(OrganisationName.From("Đoàn Thanh niên  Sở Y tế"), Now));
        Assert.Null(unit.MoveTo(cluster, Now));
        Assert.Equal(1, unit.Version);
        Assert.Single(unit.History);
    }

    [Fact]
    public void A_closed_unit_cannot_be_renamed_moved_closed_again_or_given_a_branch()
    {
        var unit = NewUnit();
        unit.Close(new DateOnly(2026, 3, 2), null, Now);

        Assert.Throws<DomainRuleException>(() => unit.Rename(OrganisationName.From("Khác"), Now));
        Assert.Throws<DomainRuleException>(() => unit.MoveTo(NewCluster("CUM-09"), Now));
        Assert.Throws<DomainRuleException>(() => unit.Close(new DateOnly(2026, 3, 3), null, Now));
        Assert.Throws<DomainRuleException>(() => Branch.Create(unit, OrganisationName.From("Chi đoàn 1"), Now));
    }

    [Fact]
    public void The_day_a_unit_was_created_is_the_day_in_Vietnam()
    {
        // 20:00 UTC on 28 February is 03:00 on 1 March in Vietnam.
        var lateEvening = new DateTimeOffset(2026, 2, 28, 20, 0, 0, TimeSpan.Zero);
        var unit = Unit.Create(OrganisationCode.From("U1"), OrganisationName.From("Đoàn X"), UnitKind.Agency, NewCluster(), lateEvening);

        var error = Assert.Throws<ValidationFailedException>(() => unit.Close(new DateOnly(2026, 2, 28), null, lateEvening));
        Assert.Contains("01/03/2026", error.Errors["closedOn"].Single());
        unit.Close(new DateOnly(2026, 3, 1), null, lateEvening);
        Assert.Equal(UnitStatus.Closed, unit.Status);
    }

    [Fact]
    public void A_unit_cannot_close_before_it_was_created()
    {
        var error = Assert.Throws<ValidationFailedException>(() => NewUnit().Close(new DateOnly(2025, 1, 1), null, Now));
        Assert.Contains("01/03/2026", error.Errors["closedOn"].Single());
    }

    [Fact]
    public void The_bloc_keeps_at_most_its_limit_of_clusters_and_open_units_and_a_unit_its_limit_of_branches()
    {
        Cluster.EnsureRoomInBloc(OrganisationLimits.MaxClusters - 1);
        Unit.EnsureRoomInBloc(OrganisationLimits.MaxOpenUnits - 1);
        Branch.EnsureRoomIn(NewUnit(), OrganisationLimits.MaxBranchesPerUnit - 1);

        Assert.Contains("100 emulation clusters", Assert.Throws<DomainRuleException>(() => Cluster.EnsureRoomInBloc(OrganisationLimits.MaxClusters)).Message);
        Assert.Contains("1000 open units", Assert.Throws<DomainRuleException>(() => Unit.EnsureRoomInBloc(OrganisationLimits.MaxOpenUnits)).Message);
        Assert.Contains("100 branches", Assert.Throws<DomainRuleException>(() => Branch.EnsureRoomIn(NewUnit(), OrganisationLimits.MaxBranchesPerUnit)).Message);
    }
}
