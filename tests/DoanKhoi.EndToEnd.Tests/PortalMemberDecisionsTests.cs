using System.Net.Http.Json;
using DoanKhoi.Testing;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The decisions a secretary records on a member in the portal (the Party path, leaving the
/// rolls) and the year's evaluation of a whole branch in one grid, end to end in a real browser.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalMemberDecisionsTests(DoanKhoiSystem system)
{
    [Fact]
    public async Task A_secretary_takes_a_member_along_the_Party_path_and_then_off_the_rolls()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Tư pháp {Guid.NewGuid():N}"[..28]);
        var member = await system.RegisterMemberAsync(unit, "Lò Văn Dũng", gender: "male");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Tư pháp");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, $"/members/{member}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Giới thiệu cho Đảng" }).ClickAsync();
        await page.WaitLiveAsync();
        await page.GetByLabel("Số quyết định giới thiệu").FillAsync("05/QĐ-ĐTN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Đã giới thiệu cho Đảng");
        await Expect(page.Locator("ol.history")).ToContainTextAsync("05/QĐ-ĐTN");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kết quả kết nạp Đảng" }).ClickAsync();
        await page.WaitLiveAsync();
        await page.GetByText("Được kết nạp Đảng").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Đảng viên");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Giới thiệu cho Đảng" })).ToHaveCountAsync(0);

        // Removing a member (xóa tên) needs its reason: the API's refusal shows under the note, nothing is recorded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ra khỏi danh sách" }).ClickAsync();
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Lý do ra khỏi danh sách" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Xóa tên", new() { Exact = true }).ClickAsync();
        // The list has closed on the choice, which the field shows: nothing lies over the button, nothing is sent without it.
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(page.Locator(".mud-input-control", new() { HasText = "Lý do ra khỏi danh sách" })).ToContainTextAsync("Xóa tên");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        var noteField = page.Locator(".mud-input-control", new() { HasText = "Quyết định, ghi chú" });
        await Expect(noteField.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Xóa tên hoặc khai trừ cần ghi lý do và số quyết định.", new() { Timeout = 30_000 });
        var unchanged = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}");
        Assert.Equal("active", unchanged.GetProperty("status").GetString());

        await page.GetByLabel("Quyết định, ghi chú").FillAsync("Bỏ sinh hoạt 6 tháng; Quyết định 07/QĐ-ĐTN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("Đã ra khỏi danh sách");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ra khỏi danh sách" })).ToHaveCountAsync(0);
        var record = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}");
        Assert.Equal("left", record.GetProperty("status").GetString());
        Assert.Equal("partyMember", record.GetProperty("partyStatus").GetString());
    }

    [Fact]
    public async Task A_decision_is_recorded_with_the_keyboard_alone()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Nông nghiệp {Guid.NewGuid():N}"[..32]);
        var member = await system.RegisterMemberAsync(unit, "Mã Thị Duyên");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Nông nghiệp");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, $"/members/{member}/decisions/party-recommendation");
        await page.WaitLiveAsync();

        // From the page's first field on, only keys: type, Tab along the form to its button, Enter.
        await page.GetByLabel("Số quyết định giới thiệu").FocusAsync();
        await page.Keyboard.TypeAsync("09/QĐ-ĐTN");
        for (var i = 0; i < 8 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''") != "Ghi quyết định"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Ghi quyết định", await page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Đã giới thiệu cho Đảng");
    }

    [Fact]
    public async Task A_secretary_grades_a_whole_branch_in_one_grid_and_a_member_who_left_meanwhile_is_named_on_its_row()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Xây dựng {Guid.NewGuid():N}"[..29]);
        var names = new[] { "Hoàng Thị Ánh", "Bùi Văn Cường", "Đặng Thị Yến" };
        var members = new List<Guid>();
        foreach (var name in names) members.Add(await system.RegisterMemberAsync(unit, name));
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Xây dựng");
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).Year - 1;
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, $"/organisation/units/{unit}/evaluations");
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Năm" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText(year.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync($"Năm {year} · 3 đoàn viên", new() { Timeout = 30_000 });
        await Expect(page.Locator(".evaluation-grid tbody tr")).ToHaveCountAsync(3);
        // In Vietnamese order: Bùi, Đặng (đ after d), Hoàng.
        await Expect(page.Locator(".evaluation-grid tbody th")).ToHaveTextAsync(["Bùi Văn Cường", "Đặng Thị Yến", "Hoàng Thị Ánh"]);

        await page.GetByLabel("Xếp loại của Đặng Thị Yến").SelectOptionAsync("excellent");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Xếp loại cho những người chưa có" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Hoàn thành tốt nhiệm vụ", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(page.GetByText("3 thay đổi chưa lưu")).ToBeVisibleAsync();

        // Meanwhile Bùi Văn Cường leaves the unit: the whole save is refused, and his row says why.
        var left = await system.Gateway.PostAsJsonAsync($"/api/membership/members/{members[1]}/leaving", new { reason = "movedAway", note = "Chuyển công tác" });
        Assert.True(left.IsSuccessStatusCode, await left.Content.ReadAsStringAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu xếp loại" }).ClickAsync();
        var refusedRow = page.Locator(".evaluation-grid tbody tr", new() { HasText = "Bùi Văn Cường" });
        await Expect(refusedRow.Locator(".field-error")).ToContainTextAsync("Bùi Văn Cường không còn là đoàn viên của đơn vị", new() { Timeout = 30_000 });
        await Expect(page.Locator(".evaluation-grid .field-error")).ToHaveCountAsync(1);
        var sheet = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/units/{unit}/evaluations/{year}");
        Assert.Equal(0, sheet.GetProperty("memberGrades").GetProperty("good").GetInt32() + sheet.GetProperty("memberGrades").GetProperty("excellent").GetInt32());
        await page.ScreenshotAsync("evaluation-refused-row");

        await page.GetByLabel("Xếp loại của Bùi Văn Cường").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu xếp loại" }).ClickAsync();
        await Expect(page.GetByText("Đã lưu xếp loại của 2 đoàn viên.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        sheet = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/units/{unit}/evaluations/{year}");
        Assert.Equal(1, sheet.GetProperty("memberGrades").GetProperty("excellent").GetInt32());
        Assert.Equal(1, sheet.GetProperty("memberGrades").GetProperty("good").GetInt32());
    }

    [Fact]
    public async Task A_secretary_prints_her_members_first_sign_in_slips_and_a_member_signs_in_with_one_on_a_phone()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Y tế {Guid.NewGuid():N}"[..25]);
        var hoa = await system.RegisterMemberAsync(unit, "Nông Thị Hoa");
        await system.RegisterMemberAsync(unit, "Chu Văn Bình", gender: "male");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Y tế");
        // Identity learns of the members from membership's events.
        await Eventually.Until(() => system.Gateway.GetFromJsonAsync<JsonElement>($"/api/identity/member-accounts?unitId={unit}"),
            list => list.GetArrayLength() == 2, TimeSpan.FromSeconds(30), "identity knowing the unit's two members");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, $"/organisation/units/{unit}/member-accounts");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("chưa có 2", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Cấp tài khoản cho người chưa có" }).ClickAsync();

        var slip = page.GetByRole(AriaRole.Region, new() { Name = "Phiếu tài khoản của Nông Thị Hoa" });
        await Expect(slip).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".slip")).ToHaveCountAsync(2);
        var userName = (await slip.Locator(".slip-user").InnerTextAsync()).Trim();
        var code = (await slip.Locator(".slip-code").InnerTextAsync()).Trim();
        await page.ScreenshotAsync("member-account-slips");

        await page.GetByRole(AriaRole.Button, new() { Name = "Xong, quay lại danh sách" }).ClickAsync();
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("đã cấp mã 2");

        // Hoa signs in on her phone with the code from her slip, chooses her password, and sees her own record.
        await using var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone);
        var onPhone = await phone.NewPageAsync();
        await onPhone.GotoAsync(system.Portal.ToString());
        await onPhone.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await onPhone.GetByLabel("Mật khẩu").FillAsync(code);
        await onPhone.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await onPhone.GetByLabel("Mật khẩu mới", new() { Exact = true }).FillAsync("hoa.nong.2026");
        await onPhone.GetByLabel("Nhập lại mật khẩu mới").FillAsync("hoa.nong.2026");
        await onPhone.GetByRole(AriaRole.Button, new() { Name = "Lưu mật khẩu và đăng nhập" }).ClickAsync();
        await Expect(onPhone.GetByRole(AriaRole.Heading, new() { Name = "Nông Thị Hoa" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await onPhone.GetByRole(AriaRole.Link, new() { Name = "Xem toàn bộ hồ sơ" }).ClickAsync();
        await onPhone.WaitForURLAsync(url => url.EndsWith($"/members/{hoa}", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }
}
