using System.ComponentModel.DataAnnotations;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;

namespace DoanKhoi.Membership.Apis;

public sealed record RegisterMemberRequest(
    [property: StringLength(PersonName.MaxLength)] string? FullName, DateOnly? DateOfBirth,
    [property: AllowedValues("male", "female", "Nam", "Nữ")] string? Gender, [property: StringLength(MemberLimits.EthnicityText)] string? Ethnicity,
    [property: StringLength(MemberLimits.CitizenIdText)] string? CitizenId, [property: StringLength(MemberLimits.PhoneText)] string? Phone,
    [property: StringLength(EmailAddress.MaxLength)] string? Email,
    DateOnly? JoinedUnionOn, [property: StringLength(CardNumber.MaxLength)] string? CardNumber, Guid? BranchId, bool? IsCadre,
    [property: AllowedValues("none", "recommended", "partyMember")] string? PartyStatus) : IMemberProfileInput;

/// <summary>Kết nạp: the member joins the Union on the day of the resolution.</summary>
public sealed record AdmitMemberRequest(
    [property: StringLength(PersonName.MaxLength)] string? FullName, DateOnly? DateOfBirth,
    [property: AllowedValues("male", "female", "Nam", "Nữ")] string? Gender, [property: StringLength(MemberLimits.EthnicityText)] string? Ethnicity,
    [property: StringLength(MemberLimits.CitizenIdText)] string? CitizenId, [property: StringLength(MemberLimits.PhoneText)] string? Phone,
    [property: StringLength(EmailAddress.MaxLength)] string? Email,
    [property: StringLength(CardNumber.MaxLength)] string? CardNumber, Guid? BranchId, bool? IsCadre,
    [property: AllowedValues("none", "recommended", "partyMember")] string? PartyStatus,
    [property: StringLength(MemberLimits.DecisionNumber)] string? ResolutionNumber, DateOnly? AdmittedOn) : IMemberProfileInput
{
    DateOnly? IMemberProfileInput.JoinedUnionOn => AdmittedOn;
}

public sealed record CorrectMemberRequest(
    [property: StringLength(PersonName.MaxLength)] string? FullName, DateOnly? DateOfBirth,
    [property: AllowedValues("male", "female", "Nam", "Nữ")] string? Gender, [property: StringLength(MemberLimits.EthnicityText)] string? Ethnicity,
    [property: StringLength(MemberLimits.CitizenIdText)] string? CitizenId, [property: StringLength(MemberLimits.PhoneText)] string? Phone,
    [property: StringLength(EmailAddress.MaxLength)] string? Email,
    DateOnly? JoinedUnionOn, [property: StringLength(CardNumber.MaxLength)] string? CardNumber, Guid? BranchId, bool? IsCadre,
    [property: AllowedValues("none", "recommended", "partyMember")] string? PartyStatus) : IMemberProfileInput;

public sealed record ContactRequest([property: StringLength(MemberLimits.PhoneText)] string? Phone, [property: StringLength(EmailAddress.MaxLength)] string? Email);

public sealed record PostTermRequest([property: AllowedValues("secretary", "deputySecretary", "committeeMember")] string? Post, DateOnly? From, DateOnly? To);

public sealed record SetPostsRequest([property: MaxLength(MemberLimits.MaxPostTerms)] IReadOnlyList<PostTermRequest>? Posts);

public sealed record PostTermResponse(UnionPost Post, DateOnly From, DateOnly? To);

/// <summary>A member in a list: the CCCD masked and no ethnicity, whoever asks (Nghị định 13/2023);
/// the phone and e-mail only for those who read the member's personal data.</summary>
public sealed record MemberListItem(
    Guid Id, [property: StringLength(PersonName.MaxLength)] string FullName, DateOnly DateOfBirth, [property: Range(0, 150)] int Age, Gender Gender,
    [property: StringLength(Domain.Members.CitizenId.Length)] string? CitizenIdMasked, [property: StringLength(PhoneNumber.MaxLength)] string? Phone,
    [property: StringLength(CardNumber.MaxLength)] string? CardNumber, Guid UnitId, [property: StringLength(Domain.OrganisationName.MaxLength)] string UnitName,
    Guid? BranchId, [property: StringLength(Domain.OrganisationName.MaxLength)] string? BranchName, MemberStatus Status, PartyStatus PartyStatus, bool IsCadre,
    UnionPost? Post, DateOnly JoinedUnionOn)
{
    public static MemberListItem From(Member m, Unit unit, Branch? branch, bool personal, DateOnly today) => new(
        m.Id, m.FullName, m.DateOfBirth, UnionAge.On(m.DateOfBirth, today), m.Gender, m.CitizenId is { } c ? CitizenId.Mask(c) : null,
        personal ? m.Phone : null, m.CardNumber, m.UnitId, unit.Name, m.BranchId, branch?.Name, m.Status, m.PartyStatus, m.IsCadre,
        m.PostOn(today)?.Post, m.JoinedUnionOn);
}

/// <summary>A member's whole record. <see cref="PersonalDataShown"/> says whether the CCCD is whole and
/// the ethnicity, phone and e-mail are given (the member, the unit's secretary, the bloc office).</summary>
public sealed record MemberResponse(
    Guid Id, [property: StringLength(PersonName.MaxLength)] string FullName, DateOnly DateOfBirth, Gender Gender, bool PersonalDataShown,
    [property: StringLength(Domain.Members.CitizenId.Length)] string? CitizenId, [property: StringLength(Ethnicity.CodeLength)] string? EthnicityCode,
    [property: StringLength(MemberLimits.EthnicityText)] string? EthnicityName, [property: StringLength(PhoneNumber.MaxLength)] string? Phone,
    [property: StringLength(EmailAddress.MaxLength)] string? Email, DateOnly JoinedUnionOn, [property: StringLength(CardNumber.MaxLength)] string? CardNumber,
    Guid UnitId, [property: StringLength(Domain.OrganisationName.MaxLength)] string UnitName,
    Guid? BranchId, [property: StringLength(Domain.OrganisationName.MaxLength)] string? BranchName, MemberStatus Status, PartyStatus PartyStatus, bool IsCadre,
    [property: StringLength(MemberLimits.DecisionNumber)] string? AdmissionResolution,
    [property: MaxLength(MemberLimits.MaxPostTerms)] IReadOnlyList<PostTermResponse> Posts, DateTimeOffset CreatedAt, [property: Range(1, int.MaxValue)] int Version)
{
    public static MemberResponse From(Member m, Unit unit, Branch? branch, bool personal) => new(
        m.Id, m.FullName, m.DateOfBirth, m.Gender, personal,
        m.CitizenId is { } c ? personal ? c : Domain.Members.CitizenId.Mask(c) : null,
        personal ? m.EthnicityCode : null, personal ? Ethnicity.ByCode(m.EthnicityCode)?.Name : null,
        personal ? m.Phone : null, personal ? m.Email : null, m.JoinedUnionOn, m.CardNumber, m.UnitId, unit.Name,
        m.BranchId, branch?.Name, m.Status, m.PartyStatus, m.IsCadre, m.AdmissionResolution,
        m.Posts.OrderBy(p => p.From).Select(p => new PostTermResponse(p.Post, p.From, p.To)).ToList(), m.CreatedAt, m.Version);
}

public sealed record MemberHistoryResponse(
    [property: Range(1, int.MaxValue)] int Version, MemberChange Change, DateOnly EffectiveOn, [property: StringLength(MemberLimits.HistoryDetail)] string? Detail,
    [property: StringLength(MemberLimits.Actor)] string By, DateTimeOffset At);

/// <summary>The lengths the member endpoints take and give, as their storage keeps them.</summary>
public static class MemberLimits
{
    public const int EthnicityText = 50;
    /// <summary>12 digits, with the spaces or dots people type between groups.</summary>
    public const int CitizenIdText = 20;
    /// <summary>+84 and 9 digits, with spaces.</summary>
    public const int PhoneText = 20;
    public const int DecisionNumber = 50;
    public const int MaxPostTerms = 20;
    public const int HistoryDetail = 500;
    public const int Actor = 200;
}
