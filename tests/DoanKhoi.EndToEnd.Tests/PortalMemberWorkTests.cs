using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>A secretary's member work in the portal, end to end in a real browser: a member added with a
/// mistake the API names beside its field, an import with a bad row, a transfer between two units that
/// the receiving secretary accepts.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalMemberWorkTests(DoanKhoiSystem system)
{
    private static string CitizenId(bool female, int year) =>
        $"020{(year >= 2000 ? 2 : 0) + (female ? 1 : 0)}{year % 100:00}{Random.Shared.Next(0, 1_000_000):000000}";

    [Fact]
    public async Task A_unit_s_member_list_comes_with_its_rows_drawn_by_the_server_goes_live_and_pages_on()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Nội vụ {Guid.NewGuid():N}"[..28]);
        string[] given = ["An", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hoa", "Huệ", "Hương", "Khánh", "Lan", "Liên", "Linh", "Loan",
            "Mai", "My", "Nga", "Ngọc", "Nguyệt", "Nhung", "Oanh", "Phương", "Quyên", "Thảo"];
        // 54 members: more than a page of 50, and a first page (Vietnamese names and all) whose rows, handed to
        // the live page, weigh more than SignalR's default 32 KB message.
        string[] names = [.. given.Select(g => $"Lê Thị {g}"), .. given.Select(g => $"Nguyễn Thị Ngọc {g}")];
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (name, _) =>
            await system.RegisterMemberAsync(unit, name, dateOfBirth: "2001-08-19"));
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Nội vụ");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/members");

        // The page as the server sends it, before any script runs: its first 50 rows are in it, so a slow
        // connection shows the list before the page goes live.
        var html = System.Net.WebUtility.HtmlDecode(await (await context.APIRequest.GetAsync(new Uri(system.Portal, "/members").ToString())).TextAsync());
        Assert.Equal(50, names.Count(name => html.Contains($">{name}</a>", StringComparison.Ordinal)));

        await page.WaitLiveAsync();
        var rows = page.Locator(".member-grid tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        await Expect(page.Locator(".member-pager")).ToContainTextAsync("1-50 trong 54");
        // 25 a page: three pages, the third with the last four.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Số dòng mỗi trang" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("25", new() { Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(25, new() { Timeout = 30_000 });
        // The pager's buttons are named in Vietnamese, for a screen reader as for this test.
        await Expect(page.Locator(".member-pager").GetByRole(AriaRole.Button, new() { Name = "Trang sau" })).ToBeVisibleAsync();
        await page.Locator(".member-pager").GetByRole(AriaRole.Button, new() { Name = "Trang 3", Exact = true }).ClickAsync();
        await Expect(page.Locator(".member-pager")).ToContainTextAsync("51-54 trong 54", new() { Timeout = 30_000 });
        await Expect(rows).ToHaveCountAsync(4);
        // A search starts again from the first page.
        await page.GetByLabel("Tìm theo họ tên, CCCD, điện thoại hoặc số thẻ").FillAsync("le thi nguyet");
        await Expect(rows).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(rows).ToContainTextAsync("Lê Thị Nguyệt");

        // From the unit's page: the list of that unit, live again.
        await page.GotoAsync(new Uri(system.Portal, $"/members?unitId={unit}").ToString());
        await page.WaitLiveAsync();
        await Expect(page.Locator(".member-pager")).ToContainTextAsync("1-50 trong 54");
    }

    [Fact]
    public async Task A_secretary_adds_a_member_and_a_mistake_is_shown_beside_its_field_until_corrected()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Tài chính {Guid.NewGuid():N}"[..30]);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Tài chính");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/members/new");
        await page.WaitLiveAsync();

        await page.GetByLabel("Họ và tên").FillAsync("Triệu Thị Lan");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Giới tính" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Nữ", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });   // a choice closes its list once the server heard it
        // Down the form as a person does; a typed date is taken when the field is left (Tab).
        var born = page.GetByLabel("Ngày sinh (dd/MM/yyyy)");
        await born.FillAsync("12/05/1999");
        await born.PressAsync("Tab");
        // Typed without diacritics, as on a phone keyboard.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Dân tộc" }).FillAsync("tay");
        await PortalBrowser.Choices(page).GetByText("Tày", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });   // a choice closes its list once the server heard it
        await page.GetByLabel("Số CCCD (12 số)").FillAsync("0123");
        var joined = page.GetByLabel("Ngày vào Đoàn (dd/MM/yyyy)");
        await joined.FillAsync("26/03/2016");
        await joined.PressAsync("Tab");
        await Expect(born).ToHaveValueAsync("12/05/1999");
        await Expect(joined).ToHaveValueAsync("26/03/2016");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào danh sách" }).ClickAsync();

        var citizenField = page.Locator(".mud-input-control", new() { HasText = "Số CCCD" });
        await Expect(citizenField.Locator(".mud-input-helper-text.mud-input-error")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // In the secretary's words: the API answers the portal in Vietnamese.
        await Expect(citizenField.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Số CCCD có 12 chữ số; số này có 4.");
        // Only the CCCD is wrong: every other field was taken as typed.
        await Expect(page.Locator(".mud-input-helper-text.mud-input-error")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("member-new-field-error");

        await page.GetByLabel("Số CCCD (12 số)").FillAsync(CitizenId(female: true, 1999));
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào danh sách" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Triệu Thị Lan" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("12/05/1999")).ToBeVisibleAsync();
        await Expect(page.Locator(".record")).ToContainTextAsync("Tày");
    }

    [Fact]
    public async Task An_import_shows_each_bad_row_with_its_reason_and_records_only_the_good_ones()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Công thương {Guid.NewGuid():N}"[..32]);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Công thương");
        var sheet = Path.Combine(Path.GetTempPath(), $"doan-vien-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(sheet, string.Join("\r\n",
            "Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số CCCD,Số điện thoại,Email,Ngày vào Đoàn,Số thẻ đoàn viên,Đơn vị,Chi đoàn,Chức vụ,Giữ chức vụ từ ngày,Cán bộ Đoàn,Đảng viên",
            $"Hà Văn Khánh,04/07/2001,Nam,Nùng,{CitizenId(female: false, 2001)},,,26/03/2018,,,,,,,",
            "Lương Thị Ngọc,31/02/2000,Nữ,Tày,,,,26/03/2016,,,,,,,"), new UTF8Encoding(true));
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/members/import");
        await page.WaitLiveAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chọn tệp .xlsx hoặc .csv" })).ToBeEnabledAsync(new() { Timeout = 30_000 });
        // What the file picker does: the chosen file lands on the upload's file input.
        await page.Locator("input[type=file]").SetInputFilesAsync(sheet);

        var refused = page.Locator(".refused-rows tbody tr");
        await Expect(refused).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Expect(refused).ToContainTextAsync("Lương Thị Ngọc");
        await Expect(refused).ToContainTextAsync("Ngày sinh");
        await page.ScreenshotAsync("member-import-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi 1 đoàn viên" }).ClickAsync();
        await Expect(page.GetByText("Đã ghi 1 đoàn viên vào danh sách.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var members = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members?unitId={unit}");
        Assert.Equal(["Hà Văn Khánh"], members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("fullName").GetString()));

        // The list's export, as the "Xuất CSV" button fetches it through the portal with the secretary's session.
        var export = await context.APIRequest.GetAsync(new Uri(system.Portal, $"/files/members/export?unitId={unit}&format=csv").ToString());
        Assert.Equal(200, export.Status);
        Assert.Contains("attachment", export.Headers["content-disposition"]);
        Assert.Contains("Hà Văn Khánh", await export.TextAsync());
        var maturing = await context.APIRequest.GetAsync(new Uri(system.Portal, "/files/members/maturing/export?format=csv").ToString());
        Assert.Equal(200, maturing.Status);
        Assert.StartsWith("Họ và tên,Ngày sinh,Quá 30 tuổi từ", (await maturing.TextAsync()).TrimStart('\uFEFF'));
        File.Delete(sheet);
    }

    [Fact]
    public async Task A_member_is_transferred_between_two_units_by_their_two_secretaries()
    {
        var from = $"Đoàn TN Sở Nội vụ {Guid.NewGuid():N}"[..26];
        var to = $"Đoàn TN Sở Văn hóa {Guid.NewGuid():N}"[..27];
        var (_, unitFrom) = await system.CreateUnitAsync(from);
        var (_, unitTo) = await system.CreateUnitAsync(to);
        var member = await system.RegisterMemberAsync(unitFrom, "Đinh Thị Hồng Nhung");
        var sender = await system.CreateAccountAsync($"unit-secretary@unit:{unitFrom}", "Bí thư Sở Nội vụ");
        var receiver = await system.CreateAccountAsync($"unit-secretary@unit:{unitTo}", "Bí thư Sở Văn hóa");

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, sender.UserName, sender.Password, $"/members/{member}/transfer");
            await page.WaitLiveAsync();
            await page.GetByLabel("Số giấy giới thiệu").FillAsync("12/GGT");
            await page.GetByLabel("Đơn vị nhận").FillAsync(to[..20]);
            await PortalBrowser.Choices(page).Filter(new() { HasText = to }).ClickAsync(new() { Timeout = 30_000 });
            // The list of units has closed on the choice: nothing lies over the form's button.
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 10_000 });
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Đơn vị nhận" })).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(to)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi giấy giới thiệu" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
            await Expect(page.GetByText("Đang chuyển sinh hoạt")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, receiver.UserName, receiver.Password, "/transfers");
            await page.WaitLiveAsync();
            // The letters waiting, as a file from the same page.
            var waiting = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
            var letter = Assert.Single(waiting, line => line.StartsWith($"Đinh Thị Hồng Nhung,{from},{to},12/GGT,", StringComparison.Ordinal));
            Assert.Contains(",Chờ tiếp nhận,", letter);
            var row = page.Locator("tr", new() { HasText = "Đinh Thị Hồng Nhung" });
            await row.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync(new() { Timeout = 30_000 });
            await page.GetByRole(AriaRole.Region, new() { Name = "Xử lý giấy giới thiệu" }).GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận" }).ClickAsync();
            await Expect(page.GetByText("Tiếp nhận: Đinh Thị Hồng Nhung.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync("transfers-accepted");
        }

        var record = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/members/{member}");
        Assert.Equal(unitTo, record.GetProperty("unitId").GetGuid());
        Assert.Equal("active", record.GetProperty("status").GetString());
    }
}
