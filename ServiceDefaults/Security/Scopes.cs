namespace DoanKhoi.Security;

/// <summary>The OAuth scopes of DoanKhoi's API: what a token may do, whoever holds it. A post says
/// where; the scope says whether the token may only read or may also write.</summary>
public static class Scopes
{
    public const string Read = "doankhoi.read";
    public const string Write = "doankhoi.write";

    /// <summary>The audience of every access token: the DoanKhoi services.</summary>
    public const string Audience = "doankhoi-api";

    public const string ClaimType = "scope";
}

/// <summary>The authorization policies every endpoint names (or it is deliberately public).</summary>
public static class Policies
{
    /// <summary>A valid token with the read or the write scope.</summary>
    public const string Read = "read";

    /// <summary>A valid token with the write scope.</summary>
    public const string Write = "write";

    /// <summary>The bloc office (or a system acting for it): the audit trail, accounts.</summary>
    public const string BlocOffice = "bloc-office";
}
