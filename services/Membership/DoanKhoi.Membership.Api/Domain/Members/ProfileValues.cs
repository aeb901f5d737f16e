using System.Net.Mail;
using System.Text.RegularExpressions;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>A person's full name (họ và tên): Vietnamese text in NFC whatever form it arrived in,
/// 2 to 100 characters, letters, spaces and the odd apostrophe or hyphen of minority names.</summary>
public sealed record PersonName
{
    public const int MaxLength = 100;

    private PersonName(string value) => Value = value;

    public string Value { get; }

    /// <summary>The search key: "Hoàng Thị Thu Trang" → "hoang thi thu trang".</summary>
    public string Folded => VietnameseText.Fold(Value);

    public static PersonName From(string? text, string field = "fullName")
    {
        var value = VietnameseText.Clean(text ?? "");
        if (value.Length == 0) throw new ValidationFailedException(field, "The full name (họ và tên) is required.");
        if (value.Length > MaxLength)
            throw new ValidationFailedException(field, $"The name is {value.Length} characters long; at most {MaxLength} are allowed.");
        if (!value.All(c => char.IsLetter(c) || c is ' ' or '\'' or '-' or '.' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark))
            throw new ValidationFailedException(field, "A name has only letters, spaces, apostrophes and hyphens.");
        if (!value.Contains(' ')) throw new ValidationFailedException(field, "Write the full name, family name first (e.g. Hoàng Thị Thu Trang).");
        return new PersonName(value);
    }

    public override string ToString() => Value;
}

/// <summary>A Vietnamese mobile number, stored as 10 digits starting with 0 (+84 and 84 are accepted).</summary>
public static partial class PhoneNumber
{
    public const int MaxLength = 10;

    public static string? FromOptional(string? text, string field = "phone")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());
        if (digits.StartsWith("+84")) digits = "0" + digits[3..];
        else if (digits.StartsWith("84") && digits.Length == 11) digits = "0" + digits[2..];
        if (!Mobile().IsMatch(digits))
            throw new ValidationFailedException(field, $"'{text.Trim()}' is not a Vietnamese mobile number: 10 digits starting with 03, 05, 07, 08 or 09 (or +84 then 9 digits).");
        return digits;
    }

    [GeneratedRegex("^0[35789][0-9]{8}$")]
    private static partial Regex Mobile();
}

public static class EmailAddress
{
    public const int MaxLength = 254;

    public static string? FromOptional(string? text, string field = "email")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (value.Length > MaxLength || !MailAddress.TryCreate(value, out var address) || address.Address != value || !value.Contains('.', StringComparison.Ordinal))
            throw new ValidationFailedException(field, $"'{value}' is not an e-mail address (name@example.vn).");
        return value.ToLowerInvariant();
    }
}

/// <summary>The Union membership card number (số thẻ đoàn viên): letters and digits, at most 20.</summary>
public static partial class CardNumber
{
    public const int MaxLength = 20;

    public static string? FromOptional(string? text, string field = "cardNumber")
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim().ToUpperInvariant();
        if (value.Length > MaxLength || !Pattern().IsMatch(value))
            throw new ValidationFailedException(field, $"A card number has letters and digits only, at most {MaxLength}.");
        return value;
    }

    [GeneratedRegex("^[A-Z0-9]+$")]
    private static partial Regex Pattern();
}

/// <summary>The Union's age rule (Điều lệ Đoàn): a young person from 16 to 30 years of age.</summary>
public static class UnionAge
{
    public const int Minimum = 16;
    public const int Maximum = 30;

    /// <summary>Full years of age on <paramref name="day"/>.</summary>
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (day < dateOfBirth.AddYears(age)) age--;
        return age;
    }

    /// <summary>The day a member turns 31, i.e. is past the age of 30.</summary>
    public static DateOnly PastMaximum(DateOnly dateOfBirth) => dateOfBirth.AddYears(Maximum + 1);
}
