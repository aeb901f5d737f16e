using System.Net;
using System.Net.Http.Json;
using DoanKhoi.Identity.Apis;
using DoanKhoi.Identity.Domain;
using DoanKhoi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DoanKhoi.Identity.Tests;

/// <summary>The service's clock, moved forward by the tests: it runs with real time otherwise, so tokens
/// and cookies keep working.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

/// <summary>The identity service on <see cref="ShiftedClock"/>, with member codes valid for 3 days.</summary>
public sealed class ClockedIdentityApiFactory : IdentityApiFactory
{
    public ShiftedClock Clock { get; } = new();

    public ClockedIdentityApiFactory() => Settings["Identity:MemberCodeValidDays"] = "3";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public class MemberCodeExpiryTests(ClockedIdentityApiFactory factory) : IClassFixture<ClockedIdentityApiFactory>
{
    [Fact]
    public async Task A_code_works_to_the_end_of_its_last_day_in_Vietnam_and_is_then_refused_with_a_clear_message()
    {
        factory.Clock.Shift = TimeSpan.Zero;
        var unit = await factory.KnownUnitAsync();
        var member = await factory.KnownMemberAsync(unit, "Tô Thị Hiền");
        var office = await factory.SignedInAsync(IdentityApiFactory.BlocOffice);
        var issued = (await (await office.PostAsJsonAsync("/member-accounts", new { memberIds = new[] { member } })).ReadAsync<MemberAccountsIssued>())!.Accounts.Single();
        var lastDay = DoanKhoi.Text.VietnamTime.Today(TimeProvider.System).AddDays(3);
        Assert.Equal(lastDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), issued.ExpiresOn);

        try
        {
            // 23:59 on the last day, Vietnam time: still good.
            var lastMinute = new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(7));
            factory.Clock.Shift = lastMinute - DateTimeOffset.UtcNow;
            Assert.Contains("Chọn mật khẩu", await (await SignInAsync(issued)).Content.ReadAsStringAsync());

            factory.Clock.Shift += TimeSpan.FromMinutes(2);
            var expired = await SignInAsync(issued);

            Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
            Assert.Contains($"Mã một lần này đã hết hạn (dùng được đến hết ngày {issued.ExpiresOn})", await expired.Content.ReadAsStringAsync());
        }
        finally
        {
            factory.Clock.Shift = TimeSpan.Zero;
        }
    }

    private async Task<HttpResponseMessage> SignInAsync(IssuedMemberAccount issued)
    {
        var browser = factory.Browser();
        return await new SignInFlow(browser).PostSignInAsync(await browser.GetStringAsync("/account/signin"), issued.UserName, issued.Code);
    }
}

public class MemberCodeTests
{
    [Fact]
    public void A_code_issued_in_the_morning_in_Vietnam_lasts_to_the_end_of_the_seventh_day_after()
    {
        var issuedAt = new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero); // 09:00 in Hà Nội

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero), MemberCode.ExpiryFor(issuedAt, 7));
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), MemberCode.ExpiryFor(issuedAt.AddHours(17), 7)); // 02:00 on the 27th there
    }

    [Fact]
    public void Codes_use_only_characters_nobody_confuses_and_read_the_same_however_they_are_typed()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => MemberCode.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", c));
        Assert.Equal(200, codes.Distinct().Count());
        Assert.Equal("7KQ2MXH4PA", MemberCode.Normalize(" 7kq2m-xh4pa "));
        Assert.Equal("7KQ2M-XH4PA", MemberCode.Format("7KQ2MXH4PA"));
    }

    [Theory]
    [InlineData("Hoàng Thị Thu Trang", "trang.htt")]
    [InlineData("Đinh Văn Đức", "duc.dv")]
    [InlineData("Nguyễn  Ngọc\u0301 Anh", "anh.nn")]
    [InlineData("Mai", "mai")]
    public void A_member_s_user_name_is_the_given_name_and_the_initials_without_diacritics(string fullName, string expected)
    {
        Assert.Equal(expected, MemberUserNames.BaseFor(fullName));
        Assert.Equal(expected + "3", MemberUserNames.FirstFree(expected, new HashSet<string> { expected, expected + "2" }));
    }
}
