using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>The citizen identity card number (số Căn cước công dân, CCCD): 12 digits. Digits 1-3 are
/// the province where the birth was registered (Lạng Sơn is 020), digit 4 the gender and century
/// (0/1 male/female born 1900-1999, 2/3 born 2000-2099, 4/5 2100-2199, 6/7 2200-2299, 8/9 1800-1899),
/// digits 5-6 the last two digits of the year of birth. An identifier under Nghị định 13/2023/NĐ-CP:
/// lists show only its last four digits.</summary>
public sealed record CitizenId
{
    public const int Length = 12;

    private CitizenId(string value) => Value = value;

    public string Value { get; }

    /// <summary>The number as lists show it: "********1234".</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => new string('*', value.Length - 4) + value[^4..];

    /// <summary>Digits only; spaces, dots and dashes people type between groups are dropped.</summary>
    public static CitizenId From(string? text, string field = "citizenId")
    {
        var value = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        if (value.Length == 0) throw new ValidationFailedException(field, "A CCCD number is required.");
        if (!value.All(char.IsAsciiDigit))
            throw new ValidationFailedException(field, "A CCCD number has only digits.");
        if (value.Length != Length)
            throw new ValidationFailedException(field, $"A CCCD number has {Length} digits; this one has {value.Length}.");
        var province = int.Parse(value[..3]);
        if (province is < 1 or > 96)
            throw new ValidationFailedException(field, $"A CCCD number starts with a province code from 001 to 096, not {value[..3]}.");
        return new CitizenId(value);
    }

    /// <summary>The gender the number encodes.</summary>
    public Gender Gender => (Value[3] - '0') % 2 == 0 ? Gender.Male : Gender.Female;

    /// <summary>The year of birth the number encodes.</summary>
    public int BirthYear => CenturyStart(Value[3] - '0') + int.Parse(Value.AsSpan(4, 2));

    /// <summary>Adds an error naming the CCCD and the field it contradicts, for a typing error in either.</summary>
    public void CheckAgainst(DateOnly dateOfBirth, Gender gender, FieldErrors errors, string field = "citizenId")
    {
        if (BirthYear != dateOfBirth.Year)
        {
            var message = $"The CCCD number {Value} is of someone born in {BirthYear}, but the date of birth is {dateOfBirth:dd/MM/yyyy}: one of the two is mistyped.";
            errors.Add(field, message);
            errors.Add("dateOfBirth", message);
        }
        if (Gender != gender)
        {
            var message = $"The CCCD number {Value} is of a {(Gender == Gender.Male ? "man" : "woman")} (its 4th digit is {Value[3]}), but the gender given is {(gender == Gender.Male ? "male" : "female")}: one of the two is mistyped.";
            errors.Add(field, message);
            errors.Add("gender", message);
        }
    }

    private static int CenturyStart(int digit) => (digit / 2) switch
    {
        0 => 1900,
        1 => 2000,
        2 => 2100,
        3 => 2200,
        _ => 1800,
    };

    public override string ToString() => Value;
}

public enum Gender
{
    Male,
    Female,
}
