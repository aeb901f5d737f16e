using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The portal in a real browser, against the whole system: each person signs in through the
/// identity service and sees exactly their part of the bloc, on a desktop or on a phone.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalTests(DoanKhoiSystem system)
{
    [Fact]
    public async Task The_bloc_office_signs_in_and_sees_the_blocs_figures_by_cluster()
    {
        var clusterName = $"Cụm Kiểm thử {Guid.NewGuid():N}"[..20];
        var (_, unit) = await system.CreateUnitAsync("Đoàn Thanh niên Sở Tư pháp", clusterName);
        await system.RegisterMemberAsync(unit, "Lộc Văn Tùng", gender: "male");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);

        var page = await system.SignInAsync(context, "vanphong", system.BlocOfficePassword);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toàn Đoàn Khối" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Cơ sở Đoàn", new() { Exact = true })).ToBeVisibleAsync();
        var row = page.Locator("tr", new() { HasText = clusterName });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await page.ScreenshotAsync("home-bloc-office");

        // Every list goes out as a file from its page: the units found, the accounts with their posts in words, the record of changes.
        await page.GotoAsync(new Uri(system.Portal, "/organisation?q=tu%20phap").ToString());
        var units = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.Contains(units.Skip(1), line => line.Contains(",Đoàn Thanh niên Sở Tư pháp,Cơ quan,", StringComparison.Ordinal) && line.Contains(clusterName));
        Assert.DoesNotContain(units.Skip(1), line => !line.Contains("Tư pháp", StringComparison.Ordinal));
        await page.GotoAsync(new Uri(system.Portal, "/accounts").ToString());
        var accounts = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.Equal("Tên đăng nhập,Họ và tên,Email,Chức vụ,Bị khóa", accounts[0]);
        Assert.Contains(accounts, line => line.StartsWith("vanphong,", StringComparison.Ordinal) && line.Contains("Văn phòng Đoàn Khối"));
        await page.GotoAsync(new Uri(system.Portal, "/audit").ToString());
        var audit = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.StartsWith("Thời điểm,Người thực hiện,", audit[0]);
        Assert.Contains(audit, line => line.Contains(",Member,", StringComparison.Ordinal) && line.Contains(",Tạo,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_secretary_sees_their_unit_and_a_cluster_lead_only_their_cluster()
    {
        var unitA = $"Đoàn Thanh niên Sở Xây dựng {Guid.NewGuid():N}"[..34];
        var clusterB = $"Cụm Biên giới {Guid.NewGuid():N}"[..20];
        var (_, a) = await system.CreateUnitAsync(unitA);
        var (b, _) = await system.CreateUnitAsync("Đoàn Thanh niên Công an tỉnh", clusterB);
        await system.RegisterMemberAsync(a, "Hoàng Thị Mai");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{a}", "Bí thư kiểm thử");
        var lead = await system.CreateAccountAsync($"cluster-lead@cluster:{b}", "Cụm trưởng kiểm thử");

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, secretary.UserName, secretary.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = unitA })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator(".figure", new() { HasText = "Đoàn viên" }).Locator(".figure-value")).ToHaveTextAsync("1");
            await Expect(page.GetByText(clusterB)).ToHaveCountAsync(0);
            await page.ScreenshotAsync("home-unit-secretary");
        }

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, lead.UserName, lead.Password);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cụm thi đua của tôi" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("tbody tr")).ToContainTextAsync(clusterB);
            await Expect(page.GetByText(unitA)).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_member_on_a_phone_sees_their_own_record_and_the_menu_folds_away()
    {
        var (_, unit) = await system.CreateUnitAsync("Đoàn Thanh niên Sở Y tế");
        var member = await system.RegisterMemberAsync(unit, "Nông Thị Thu Hương", dateOfBirth: "2001-09-02");
        var account = await system.CreateAccountAsync($"member@member:{member}", "Nông Thị Thu Hương");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Phone);

        var page = await system.SignInAsync(context, account.UserName, account.Password);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nông Thị Thu Hương" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("02/09/2001")).ToBeVisibleAsync();
        Assert.True(await page.FitsTheWidthAsync(), "the page is wider than a 360 px phone");
        await Expect(page.Locator(".portal-nav")).ToBeHiddenAsync();
        await page.ScreenshotAsync("home-member-phone");

        await page.GetByText("☰ Menu").ClickAsync();
        await Expect(page.Locator(".portal-menu-toggle").GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi" })).ToBeVisibleAsync();
        await Expect(page.Locator(".portal-menu-toggle").GetByRole(AriaRole.Link, new() { Name = "Đoàn viên" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_the_sign_in_at_the_identity_service()
    {
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, "vanphong", system.BlocOfficePassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Toàn Đoàn Khối" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bạn đã đăng xuất" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GotoAsync(system.Portal.ToString());
        // Back at the sign-in page: neither the portal nor the identity service still knows the person.
        await Expect(page.GetByLabel("Mật khẩu")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task Signing_out_everywhere_from_the_laptop_ends_the_session_left_open_on_the_phone()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Công Thương {Guid.NewGuid():N}"[..31]);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Công Thương");
        await using var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone);
        var onPhone = await system.SignInAsync(phone, secretary.UserName, secretary.Password, "/account");
        await Expect(onPhone.GetByRole(AriaRole.Heading, new() { Name = "Tài khoản của tôi" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await using var laptop = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var onLaptop = await system.SignInAsync(laptop, secretary.UserName, secretary.Password, "/account");

        await onLaptop.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất trên mọi thiết bị" }).ClickAsync();

        await Expect(onLaptop.GetByRole(AriaRole.Heading, new() { Name = "Bạn đã đăng xuất" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // The phone's next page asks for the password: its portal session and its sign-in at identity are both over.
        await onPhone.GotoAsync(new Uri(system.Portal, $"/organisation/units/{unit}").ToString());
        await Expect(onPhone.GetByLabel("Mật khẩu")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }
}
