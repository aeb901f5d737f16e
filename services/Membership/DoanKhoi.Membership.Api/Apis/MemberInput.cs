using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Apis;

/// <summary>The profile fields a request (or a spreadsheet row) gives for a member.</summary>
public interface IMemberProfileInput
{
    string? FullName { get; }
    DateOnly? DateOfBirth { get; }
    string? Gender { get; }
    string? Ethnicity { get; }
    string? CitizenId { get; }
    string? Phone { get; }
    string? Email { get; }
    DateOnly? JoinedUnionOn { get; }
    string? CardNumber { get; }
    bool? IsCadre { get; }
    string? PartyStatus { get; }
}

public static class MemberInput
{
    /// <summary>Every field checked, every error collected; the CCCD checked against the date of
    /// birth and the gender. Null when a field is wrong (the errors say which).</summary>
    /// <remarks>An admission leaves the age on the day of joining to the domain, which refuses it as a rule
    /// of the Union (422) rather than a typing error.</remarks>
    public static MemberProfile? Parse(IMemberProfileInput input, FieldErrors errors, DateOnly today, bool admission = false)
    {
        var name = errors.Check(() => PersonName.From(input.FullName));
        var gender = errors.Check<Gender?>(() => ParseGender(input.Gender));
        var ethnicity = errors.Check(() => Ethnicity.From(input.Ethnicity));
        var citizenId = string.IsNullOrWhiteSpace(input.CitizenId) ? null : errors.Check(() => CitizenId.From(input.CitizenId));
        var phone = errors.Check(() => PhoneNumber.FromOptional(input.Phone));
        var email = errors.Check(() => EmailAddress.FromOptional(input.Email));
        var card = errors.Check(() => CardNumber.FromOptional(input.CardNumber));
        var party = errors.Check<PartyStatus?>(() => ParsePartyStatus(input.PartyStatus));
        var joined = input.JoinedUnionOn;

        if (input.DateOfBirth is not { } born) errors.Add("dateOfBirth", "The date of birth is required.");
        else if (born > today) errors.Add("dateOfBirth", $"The date of birth {born:dd/MM/yyyy} is in the future.");
        else if (UnionAge.On(born, today) > 100) errors.Add("dateOfBirth", $"The date of birth {born:dd/MM/yyyy} is more than 100 years ago.");

        if (admission) { }   // the admission's own date and age are the endpoint's and the domain's to check
        else if (joined is not { } joinedOn) errors.Add("joinedUnionOn", "The date the member joined the Union (ngày vào Đoàn) is required.");
        else if (joinedOn > today) errors.Add("joinedUnionOn", $"The date joined {joinedOn:dd/MM/yyyy} is in the future.");
        else if (input.DateOfBirth is { } dob && UnionAge.On(dob, joinedOn) < UnionAge.Minimum)
            errors.Add("joinedUnionOn", $"On {joinedOn:dd/MM/yyyy} the member was {UnionAge.On(dob, joinedOn)}: the Union admits from {UnionAge.Minimum} years of age.");

        if (citizenId is not null && input.DateOfBirth is { } birth && gender is { } g)
            citizenId.CheckAgainst(birth, g, errors);
        if (errors.Any) return null;
        return new MemberProfile(name!, input.DateOfBirth!.Value, gender!.Value, ethnicity!, citizenId, phone, email, joined!.Value, card,
            input.IsCadre ?? false, party!.Value);
    }

    /// <summary>"male"/"female", or as Vietnamese sheets write it: "Nam"/"Nữ".</summary>
    public static Gender ParseGender(string? text, string field = "gender") => Text.VietnameseText.Fold(text ?? "") switch
    {
        "male" or "nam" or "m" => Gender.Male,
        "female" or "nu" or "f" => Gender.Female,
        "" => throw new ValidationFailedException(field, "The gender is required: male or female (Nam/Nữ)."),
        _ => throw new ValidationFailedException(field, $"'{text}' is not a gender: write male or female (Nam/Nữ)."),
    };

    public static PartyStatus ParsePartyStatus(string? text, string field = "partyStatus") => Text.VietnameseText.Fold(text ?? "").Replace(" ", "").Replace("-", "") switch
    {
        "" or "none" or "khong" => PartyStatus.None,
        "recommended" or "gioithieu" or "doanvienuutu" => PartyStatus.Recommended,
        "partymember" or "dangvien" => PartyStatus.PartyMember,
        _ => throw new ValidationFailedException(field, $"'{text}' is not a Party status: use none, recommended or partyMember."),
    };

    public static MemberStatus? ParseStatus(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "current" => null,
        "active" => MemberStatus.Active,
        "intransfer" or "in-transfer" => MemberStatus.InTransfer,
        "matured" => MemberStatus.Matured,
        "left" => MemberStatus.Left,
        _ => throw new ValidationFailedException("status", $"'{text}' is not a status: use current (active or in transfer), active, inTransfer, matured, left or all."),
    };

    public static UnionPost ParsePost(string? text, string field) => text?.Trim().ToLowerInvariant().Replace("-", "") switch
    {
        "secretary" or "bithu" or "bí thư" => UnionPost.Secretary,
        "deputysecretary" or "phobithu" or "phó bí thư" => UnionPost.DeputySecretary,
        "committeemember" or "uyvienbch" or "ủy viên bch" => UnionPost.CommitteeMember,
        _ => throw new ValidationFailedException(field, $"'{text}' is not a Union post: use secretary, deputySecretary or committeeMember."),
    };
}
