using System.Text.RegularExpressions;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Membership.Domain;

/// <summary>The name of a cluster, unit or branch: Vietnamese text in NFC, 1 to 200 characters.</summary>
public sealed record OrganisationName
{
    public const int MaxLength = OrganisationLimits.NameMaxLength;

    private OrganisationName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The search key: "Đoàn Trường" → "doan truong".</summary>
    public string Folded => VietnameseText.Fold(Value);

    public static OrganisationName From(string? text, string field = "name")
    {
        var value = VietnameseText.Clean(text ?? "");
        if (value.Length == 0) throw new ValidationFailedException(field, "A name is required.");
        if (value.Length > MaxLength)
            throw new ValidationFailedException(field, $"The name is {value.Length} characters long; at most {MaxLength} are allowed.");
        if (value.Any(char.IsControl)) throw new ValidationFailedException(field, "The name contains control characters.");
        return new OrganisationName(value);
    }

    public override string ToString() => Value;
}

/// <summary>The short code of a cluster or unit, unique among its kind: upper-case letters, digits,
/// '-', '_' or '.', at most 30 characters ("DCS-SYT").</summary>
public sealed partial record OrganisationCode
{
    public const int MaxLength = OrganisationLimits.CodeMaxLength;

    private OrganisationCode(string value) => Value = value;

    public string Value { get; }

    public static OrganisationCode From(string? text, string field = "code")
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length == 0) throw new ValidationFailedException(field, "A code is required.");
        if (value.Length > MaxLength)
            throw new ValidationFailedException(field, $"The code is {value.Length} characters long; at most {MaxLength} are allowed.");
        if (!Pattern().IsMatch(value))
            throw new ValidationFailedException(field, "A code uses only letters A-Z, digits, '-', '_' and '.', and starts with a letter or digit.");
        return new OrganisationCode(value);
    }

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex Pattern();
}
