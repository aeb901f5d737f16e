using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Security;
using DoanKhoi.Testing;

namespace DoanKhoi.Identity.Tests;

/// <summary>What membership tells identity, and the people who act on it, for the member-account tests.</summary>
public static partial class MemberFixtures
{
    public const string SecretaryPassword = "bithu2026x";

    public static MemberSnapshot Snapshot(Guid memberId, string fullName, Guid unitId, int version, MemberStatus status = MemberStatus.Active) => new()
    {
        MemberId = memberId, FullName = fullName, DateOfBirth = new DateOnly(2000, 5, 1), Gender = "female", UnitId = unitId,
        Status = status, PartyStatus = PartyStatus.None, IsCadre = false, JoinedUnionOn = new DateOnly(2015, 3, 26), Version = version,
    };

    public static async Task<Guid> KnownUnitAsync(this IdentityApiFactory factory)
    {
        var id = Guid.CreateVersion7();
        _ = factory.Server;
        await factory.DeliverAsync(new UnitCreated
        {
            Unit = new() { UnitId = id, Code = "U" + id.ToString("N")[^6..], Name = "Đoàn kiểm thử", Kind = UnitKind.Agency, ClusterId = Guid.NewGuid(), Status = UnitStatus.Open, Version = 1 },
            OccurredAt = DateTimeOffset.UtcNow,
        });
        return id;
    }

    /// <summary>A member membership has registered in <paramref name="unitId"/> (version 1).</summary>
    public static async Task<Guid> KnownMemberAsync(this IdentityApiFactory factory, Guid unitId, string fullName = "Hoàng Thị Thu Trang")
    {
        var id = Guid.CreateVersion7();
        _ = factory.Server;
        await factory.DeliverAsync(new MemberRegistered
        {
            Member = Snapshot(id, fullName, unitId, 1), EffectiveOn = new DateOnly(2026, 1, 1), OccurredAt = DateTimeOffset.UtcNow,
        });
        return id;
    }

    public static Task LeftAsync(this IdentityApiFactory factory, Guid memberId, string fullName, Guid unitId, int version) =>
        factory.DeliverAsync(new MemberLeft
        {
            Member = Snapshot(memberId, fullName, unitId, version, MemberStatus.Left), Reason = "movedAway",
            EffectiveOn = new DateOnly(2026, 6, 1), OccurredAt = DateTimeOffset.UtcNow,
        });

    /// <summary>A signed-in client (a real token) of a new account holding <paramref name="post"/>.</summary>
    public static async Task<HttpClient> HolderOfAsync(this IdentityApiFactory factory, Post post)
    {
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var userName = "bt" + Guid.NewGuid().ToString("N")[..10];
        var created = await office.PostAsJsonAsync("/accounts", new { userName, displayName = "Bí thư kiểm thử", password = SecretaryPassword, posts = new[] { post.ToString() } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await factory.SignedInAsync(userName, SecretaryPassword);
    }

    /// <summary>Posts a form of <paramref name="html"/> (its hidden fields and action) with <paramref name="fields"/> on top.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string html, Dictionary<string, string> fields)
    {
        var form = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        foreach (var (name, value) in fields) form[name] = value;
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups["action"].Value);
        return await browser.PostAsync(action, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]*)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]*)\"")]
    private static partial Regex FormAction();
}
