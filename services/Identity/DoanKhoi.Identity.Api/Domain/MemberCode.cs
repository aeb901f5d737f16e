using System.Security.Cryptography;

namespace DoanKhoi.Identity.Domain;

/// <summary>The one-time code (mã một lần) a member's account is issued with: the member signs in the first
/// time with it and chooses a password. Only its hash is kept (like a password's); it works once, until it
/// expires at the end of a day in Vietnam time, and issuing again replaces an unused one.</summary>
public sealed class MemberCode
{
    /// <summary>Letters and digits nobody confuses on paper: no 0/O, 1/I/L.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Ten characters of <see cref="Alphabet"/>: about 49 bits, printed as two groups of five.</summary>
    public const int Length = 10;

    /// <summary>The longest code anyone may type (with spaces or dashes).</summary>
    public const int MaxInputLength = 32;

    private MemberCode() { }

    /// <summary>The account the code opens; one code per account.</summary>
    public Guid AccountId { get; private set; }
    public Guid MemberId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Who issued it (a user name): the unit's secretary or the bloc office.</summary>
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public static MemberCode For(Guid accountId, Guid memberId) => new() { AccountId = accountId, MemberId = memberId };

    public bool IsPending(DateTimeOffset now) => UsedAt is null && now < ExpiresAt;

    /// <summary>A new code (replacing an unused one): the hash is kept, the code itself returned once.</summary>
    public void Issue(string codeHash, string issuedBy, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        (CodeHash, IssuedBy, IssuedAt, ExpiresAt, UsedAt) = (codeHash, issuedBy, now, expiresAt, null);
    }

    /// <summary>A fresh code, e.g. <c>7KQ2M-XH4PA</c> (<see cref="Format"/>).</summary>
    public static string Generate()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>As printed: two groups of five.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..5]}-{code[5..]}" : code;

    /// <summary>What the member typed, as the code is hashed: upper case, without spaces or dashes.</summary>
    public static string Normalize(string? typed) =>
        string.Concat((typed ?? "").ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-'));

    /// <summary>The code ends a few days after it is issued, at the end of that day in Vietnam time.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset now, int validDays)
    {
        var lastDay = DoanKhoi.Text.VietnamTime.DateOf(now).AddDays(validDays);
        var midnightAfter = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var zone = DoanKhoi.Text.VietnamTime.Zone;
        return new DateTimeOffset(midnightAfter, zone.GetUtcOffset(midnightAfter)).ToUniversalTime();
    }
}
