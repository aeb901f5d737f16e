using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Messaging.Outbox;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Tests.Domain;

public class MemberRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 26, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 26);

    private static Unit NewUnit() => Unit.Create(OrganisationCode.From("DTN-SYT"), OrganisationName.From("Đoàn Thanh niên Sở Y tế"), UnitKind.Agency,
        Cluster.Create(OrganisationCode.From("CUM-01"), OrganisationName.From("Cụm thi đua số 1"), Now), Now);

    private static MemberProfile Profile(DateOnly born, DateOnly? joined = null) => new(
        PersonName.From("Hoàng Thị Thu Trang"), born, Gender.Female, Ethnicity.From("Tày"), null, null, null, joined ?? Today, null, false, PartyStatus.None);

    [Theory]
    [InlineData("020198001234", 1998, Gender.Female)]
    [InlineData("020 098 001 234", 1998, Gender.Male)]
    [InlineData("001201005678", 2001, Gender.Male)]
    [InlineData("079305005678", 2005, Gender.Female)]
    [InlineData("020999000001", 1899, Gender.Female)]
    public void A_CCCD_encodes_the_gender_and_the_year_of_birth(string text, int year, Gender gender)
    {
        var id = CitizenId.From(text);

        Assert.Equal((year, gender), (id.BirthYear, id.Gender));
        Assert.Equal(12, id.Value.Length);
        Assert.Equal("********" + id.Value[^4..], id.Masked);
    }

    [Theory]
    [InlineData("02019800123", "12 digits; this one has 11")]
    [InlineData("02019800123A", "only digits")]
    [InlineData("000198001234", "province code from 001 to 096")]
    [InlineData("", "required")]
    public void A_malformed_CCCD_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<ValidationFailedException>(() => CitizenId.From(text));

        Assert.Contains(reason, error.Errors["citizenId"].Single());
    }

    [Fact]
    public void A_CCCD_that_contradicts_the_date_of_birth_or_the_gender_names_both_fields()
    {
        var errors = new FieldErrors();

        CitizenId.From("020198001234").CheckAgainst(new DateOnly(1999, 1, 1), Gender.Male, errors);

        var error = Assert.Throws<ValidationFailedException>(errors.ThrowIfAny);
        Assert.Equal(["citizenId", "dateOfBirth", "gender"], error.Errors.Keys.Order());
        Assert.Equal(2, error.Errors["citizenId"].Length);
    }

    [Theory]
    [InlineData("Tày", "02")]
    [InlineData("tay", "02")]
    [InlineData("NÙNG", "07")]
    [InlineData("H'Mông", "08")]
    [InlineData("Khmer", "05")]
    [InlineData("7", "07")]
    [InlineData("Ê-đê", "12")]
    public void Ethnicities_are_read_as_sheets_write_them(string text, string code) => Assert.Equal(code, Ethnicity.From(text).Code);

    [Fact]
    public void The_reference_list_holds_Vietnams_54_ethnic_groups_once_each()
    {
        Assert.Equal(54, Ethnicity.All.Count);
        Assert.Equal(54, Ethnicity.All.Select(e => e.Code).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 54).Select(i => i.ToString("00")), Ethnicity.All.Select(e => e.Code));
    }

    [Theory]
    [InlineData("2010-03-27", false)] // 15, a day short of 16
    [InlineData("2010-03-26", true)]  // 16 today
    [InlineData("1995-03-27", true)]  // 30 until tomorrow
    [InlineData("1995-03-26", false)] // 31 today
    public void Admission_takes_young_people_from_16_to_30(string born, bool admitted)
    {
        var admit = () => Member.Admit(Profile(DateOnly.Parse(born)), NewUnit(), null, "12-NQ/ĐTN", new Decision(Today, "bithu", Now));

        if (admitted) Assert.Equal(MemberStatus.Active, admit().Status);
        else Assert.Contains("from 16 to 30", Assert.Throws<DomainRuleException>(admit).Message);
    }

    [Fact]
    public void The_aggregate_raises_its_own_events_with_its_state_and_version()
    {
        var member = Member.Admit(Profile(new DateOnly(2005, 1, 1)), NewUnit(), null, "12-NQ/ĐTN", new Decision(Today, "bithu", Now));
        member.CorrectContact("0912345678", null, new Decision(Today, "trang", Now));

        var raised = ((IRaisesEvents)member).RaisedEvents;
        var admitted = Assert.IsType<MemberAdmitted>(raised[0]);
        var changed = Assert.IsType<MemberProfileChanged>(raised[1]);
        Assert.Equal((1, 2), (admitted.Member.Version, changed.Member.Version));
        Assert.Equal(Today, admitted.EffectiveOn);
        Assert.Equal(["bithu", "trang"], member.History.Select(h => h.By));
    }
}
