using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;

namespace DoanKhoi.Membership.Apis;

public sealed record RegisterMemberRequest(
    string? FullName, DateOnly? DateOfBirth, string? Gender, string? Ethnicity, string? CitizenId, string? Phone, string? Email,
    DateOnly? JoinedUnionOn, string? CardNumber, Guid? BranchId, bool? IsCadre, string? PartyStatus) : IMemberProfileInput;

/// <summary>Kết nạp: the member joins the Union on the day of the resolution.</summary>
public sealed record AdmitMemberRequest(
    string? FullName, DateOnly? DateOfBirth, string? Gender, string? Ethnicity, string? CitizenId, string? Phone, string? Email,
    string? CardNumber, Guid? BranchId, bool? IsCadre, string? PartyStatus, string? ResolutionNumber, DateOnly? AdmittedOn) : IMemberProfileInput
{
    DateOnly? IMemberProfileInput.JoinedUnionOn => AdmittedOn;
}

public sealed record CorrectMemberRequest(
    string? FullName, DateOnly? DateOfBirth, string? Gender, string? Ethnicity, string? CitizenId, string? Phone, string? Email,
    DateOnly? JoinedUnionOn, string? CardNumber, Guid? BranchId, bool? IsCadre, string? PartyStatus) : IMemberProfileInput;

public sealed record ContactRequest(string? Phone, string? Email);

public sealed record PostTermRequest(string? Post, DateOnly? From, DateOnly? To);

public sealed record SetPostsRequest(IReadOnlyList<PostTermRequest>? Posts);

public sealed record PostTermResponse(UnionPost Post, DateOnly From, DateOnly? To);

/// <summary>A member in a list: the CCCD masked and no ethnicity, whoever asks (Nghị định 13/2023);
/// the phone and e-mail only for those who read the member's personal data.</summary>
public sealed record MemberListItem(
    Guid Id, string FullName, DateOnly DateOfBirth, int Age, Gender Gender, string? CitizenIdMasked, string? Phone, string? CardNumber,
    Guid UnitId, string UnitName, Guid? BranchId, string? BranchName, MemberStatus Status, PartyStatus PartyStatus, bool IsCadre,
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
    Guid Id, string FullName, DateOnly DateOfBirth, Gender Gender, bool PersonalDataShown, string? CitizenId, string? EthnicityCode,
    string? EthnicityName, string? Phone, string? Email, DateOnly JoinedUnionOn, string? CardNumber, Guid UnitId, string UnitName,
    Guid? BranchId, string? BranchName, MemberStatus Status, PartyStatus PartyStatus, bool IsCadre, string? AdmissionResolution,
    IReadOnlyList<PostTermResponse> Posts, DateTimeOffset CreatedAt, int Version)
{
    public static MemberResponse From(Member m, Unit unit, Branch? branch, bool personal) => new(
        m.Id, m.FullName, m.DateOfBirth, m.Gender, personal,
        m.CitizenId is { } c ? personal ? c : Domain.Members.CitizenId.Mask(c) : null,
        personal ? m.EthnicityCode : null, personal ? Ethnicity.ByCode(m.EthnicityCode)?.Name : null,
        personal ? m.Phone : null, personal ? m.Email : null, m.JoinedUnionOn, m.CardNumber, m.UnitId, unit.Name,
        m.BranchId, branch?.Name, m.Status, m.PartyStatus, m.IsCadre, m.AdmissionResolution,
        m.Posts.OrderBy(p => p.From).Select(p => new PostTermResponse(p.Post, p.From, p.To)).ToList(), m.CreatedAt, m.Version);
}

public sealed record MemberHistoryResponse(int Version, MemberChange Change, DateOnly EffectiveOn, string? Detail, string By, DateTimeOffset At);
