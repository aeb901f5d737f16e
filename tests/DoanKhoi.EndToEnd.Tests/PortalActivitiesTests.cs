using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>A unit's activity recorded once, in a real browser: the secretary puts it on the calendar,
/// marks who came and records what happened; a member checks in on a phone with the QR code's link.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalActivitiesTests(DoanKhoiSystem system)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Waits until activities has heard of the member from membership (its own copy).</summary>
    private async Task KnownToActivitiesAsync(Guid member) =>
        await Eventually.Until(() => system.Gateway.GetAsync($"/api/activities/members/{member}/participations"), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "activities hearing of the member");

    [Fact]
    public async Task A_secretary_records_an_activity_with_its_quantities_and_who_came()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Xây dựng {Guid.NewGuid():N}"[..30]);
        var registered = await system.RegisterMemberAsync(unit, "Hoàng Văn Nam", gender: "male");
        var walkIn = await system.RegisterMemberAsync(unit, "Nông Thị Mai");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Xây dựng");
        await KnownToActivitiesAsync(walkIn);
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/activities/new");
        await page.WaitLiveAsync();

        await page.GetByLabel("Tên hoạt động").FillAsync("Ra quân trồng cây tại xã Mai Pha");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Loại hoạt động" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Trồng cây xanh", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });   // a choice closes its list once the server heard it
        var startsOn = page.GetByLabel("Từ ngày (dd/MM/yyyy)");
        await startsOn.FillAsync(Today);
        await startsOn.PressAsync("Tab");
        await page.GetByLabel("Địa điểm").FillAsync("Xã Mai Pha, TP Lạng Sơn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hoạt động" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith("/activities/new", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ra quân trồng cây tại xã Mai Pha" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var activity = Guid.Parse(new Uri(page.Url).Segments[^1]);

        // A detail corrected on the same form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sửa thông tin" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/activities/{activity}/edit", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.WaitLiveAsync();
        await Expect(page.GetByLabel("Địa điểm")).ToHaveValueAsync("Xã Mai Pha, TP Lạng Sơn", new() { Timeout = 30_000 });
        var place = page.GetByLabel("Địa điểm");
        await place.FillAsync("Đồi thông xã Mai Pha, TP Lạng Sơn");
        await place.PressAsync("Tab");   // the field is taken when it is left; under load that can trail the click on the button
        await Expect(place).ToHaveValueAsync("Đồi thông xã Mai Pha, TP Lạng Sơn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu hoạt động" }).ClickAsync();
        await Expect(page.Locator("dl.record")).ToContainTextAsync("Đồi thông xã Mai Pha", new() { Timeout = 30_000 });

        // One member had registered beforehand (through the API, as the member would in the portal).
        var asSecretary = system.WithToken((await system.SignInAsync(secretary.UserName, secretary.Password)).AccessToken!);
        (await asSecretary.PostAsJsonAsync($"/api/activities/activities/{activity}/participants", new { memberIds = new[] { registered } })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.WaitLiveAsync();

        // A member who came without registering is found by name, typed without diacritics.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Thêm đoàn viên (tìm theo tên)" }).FillAsync("nong thi mai");
        await PortalBrowser.Choices(page).Filter(new() { HasText = "Nông Thị Mai" }).ClickAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });   // a choice closes its list once the server heard it
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm: có mặt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Nông Thị Mai", Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Everyone registered came.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu: những người còn lại có mặt" }).ClickAsync();
        await Expect(page.GetByText("2 người: 2 có mặt")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByLabel("Số cây xanh trồng mới (cây)").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi kết quả" }).ClickAsync();
        await Expect(page.Locator("dl.record")).ToContainTextAsync("120 cây", new() { Timeout = 30_000 });
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("Đã tổ chức");
        // A photo of the day, kept with the activity.
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "ra-quan-trong-cay.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
        });
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ra-quan-trong-cay.png" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync("activity-recorded");

        var stored = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/activities/activities/{activity}");
        Assert.Equal("held", stored.GetProperty("status").GetString());
        Assert.Equal(120, stored.GetProperty("quantities").EnumerateArray().Single(q => q.GetProperty("code").GetString() == "trees-planted").GetProperty("value").GetInt32());
        var people = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/activities/activities/{activity}/participants");
        Assert.Equal([("Hoàng Văn Nam", "attended", false), ("Nông Thị Mai", "attended", true)], people.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("fullName").GetString(), p.GetProperty("attendance").GetString(), p.GetProperty("walkIn").GetBoolean())).ToArray());
    }

    [Fact]
    public async Task A_member_checks_in_on_a_phone_with_the_QR_code_s_link_once()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Y tế {Guid.NewGuid():N}"[..26]);
        var member = await system.RegisterMemberAsync(unit, "Lộc Thị Hằng");
        var account = await system.CreateAccountAsync($"member@member:{member}", "Lộc Thị Hằng");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Y tế");
        await KnownToActivitiesAsync(member);
        var asSecretary = system.WithToken((await system.SignInAsync(secretary.UserName, secretary.Password)).AccessToken!);
        var activity = await system.PlanActivityAsync(asSecretary, new
        {
            title = "Hiến máu tình nguyện đợt 2", organiserLevel = "unit", organiserId = unit, kind = "blood-donation",
            startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var window = await (await asSecretary.PutAsJsonAsync($"/api/activities/activities/{activity}/check-in", new { open = true, hours = 2 }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var code = window.GetProperty("code").GetString();

        await using var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone);
        // The QR code's link: the member signs in first, and lands back on it.
        var page = await system.SignInAsync(phone, account.UserName, account.Password, $"/activities/{activity}/check-in?code={code}");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".page-subtitle")).ToContainTextAsync("Hiến máu tình nguyện đợt 2");
        Assert.True(await page.FitsTheWidthAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Điểm danh" }).ClickAsync();
        await Expect(page.GetByText("Đã điểm danh lúc")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync("activity-check-in-phone");

        // Scanned again: refused, in Vietnamese, and counted once.
        await page.ReloadAsync();
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Điểm danh" }).ClickAsync();
        await Expect(page.Locator(".mud-alert")).ToContainTextAsync("Bạn đã điểm danh lúc", new() { Timeout = 30_000 });
        var people = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/activities/activities/{activity}/participants");
        var only = Assert.Single(people.GetProperty("items").EnumerateArray());
        Assert.Equal(("attended", true), (only.GetProperty("attendance").GetString(), only.GetProperty("checkedInAt").ValueKind == JsonValueKind.String));

        // The member's own activities, on the phone.
        await page.GotoAsync(new Uri(system.Portal, "/my-activities").ToString());
        await Expect(page.GetByText("Đã tham gia và đã đăng ký")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".item-list li", new() { HasText = "Có mặt" })).ToContainTextAsync("Hiến máu tình nguyện đợt 2");
        Assert.True(await page.FitsTheWidthAsync());
    }
}
