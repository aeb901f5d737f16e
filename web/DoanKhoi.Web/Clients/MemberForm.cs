namespace DoanKhoi.Web.Clients;

/// <summary>A member's profile as the portal's form edits it (the date pickers work in DateTime), and
/// the request each API takes from it. Field names are the API's, so its field errors land beside them.</summary>
public sealed class MemberForm
{
    public string? FullName { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public string? Gender { get; set; }
    public string? Ethnicity { get; set; }
    public string? CitizenId { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateTime? JoinedUnionOn { get; set; }
    public string? CardNumber { get; set; }
    public Guid? BranchId { get; set; }
    public bool IsCadre { get; set; }
    public string PartyStatus { get; set; } = "none";

    /// <summary>Admission only: the unit's resolution and its day (the day the member joins).</summary>
    public string? ResolutionNumber { get; set; }
    public DateTime? AdmittedOn { get; set; }

    public static MemberForm From(Member m) => new()
    {
        FullName = m.FullName, DateOfBirth = m.DateOfBirth.ToDateTime(TimeOnly.MinValue), Gender = m.Gender, Ethnicity = m.EthnicityName,
        CitizenId = m.CitizenId, Phone = m.Phone, Email = m.Email, JoinedUnionOn = m.JoinedUnionOn.ToDateTime(TimeOnly.MinValue),
        CardNumber = m.CardNumber, BranchId = m.BranchId, IsCadre = m.IsCadre, PartyStatus = m.PartyStatus,
    };

    private static DateOnly? Day(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal object ToRegisterRequest() => new
    {
        fullName = Text(FullName), dateOfBirth = Day(DateOfBirth), gender = Gender, ethnicity = Text(Ethnicity), citizenId = Text(CitizenId),
        phone = Text(Phone), email = Text(Email), joinedUnionOn = Day(JoinedUnionOn), cardNumber = Text(CardNumber), branchId = BranchId,
        isCadre = IsCadre, partyStatus = PartyStatus,
    };

    internal object ToAdmitRequest() => new
    {
        fullName = Text(FullName), dateOfBirth = Day(DateOfBirth), gender = Gender, ethnicity = Text(Ethnicity), citizenId = Text(CitizenId),
        phone = Text(Phone), email = Text(Email), cardNumber = Text(CardNumber), branchId = BranchId, isCadre = IsCadre, partyStatus = PartyStatus,
        resolutionNumber = Text(ResolutionNumber), admittedOn = Day(AdmittedOn),
    };
}
