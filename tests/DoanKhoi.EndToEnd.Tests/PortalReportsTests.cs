using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The reports of the calendar in a real browser: a secretary fills a report whose figures DoanKhoi
/// counted (a changed one needs a reason), attaches a document and sends it on time; the bloc office finds it
/// on time in the grid and returns it with a comment; the secretary reads the comment and sends a second
/// version, both kept. The bloc office opens a locked report again for a unit, ranks the units on the
/// scoreboard, and the grid fits a phone.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalReportsTests(DoanKhoiSystem system)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A thematic report the bloc sets in this year's programme, due tomorrow and covering the year so far:
    /// open now (the clock is real), and what a unit did today counts in its figures. Its code is the test's own.</summary>
    private async Task<(string Code, string Name)> AThematicReportDueTomorrowAsync()
    {
        var code = $"cd-{Guid.NewGuid():N}"[..12];
        var name = $"Báo cáo chuyên đề {code}";
        var due = Today.AddDays(1);
        // Read, add the report, send back with the version read; another change meanwhile (a 409) is read again.
        await Eventually.Until(async () =>
        {
            var stored = (await system.Gateway.GetFromJsonAsync<JsonObject>($"/api/reporting/programmes/{Today.Year}"))!;
            var programme = stored["programme"]!.AsObject();
            programme["reports"]!.AsArray().Add(new JsonObject
            {
                ["code"] = code, ["name"] = name, ["due"] = Iso(due), ["from"] = Iso(new DateOnly(Today.Year, 1, 1)), ["to"] = Iso(due), ["thematic"] = true,
            });
            var response = await system.Gateway.PutAsJsonAsync($"/api/reporting/programmes/{Today.Year}", new
            {
                programme, reason = "Ban Thường vụ giao báo cáo chuyên đề", version = stored["version"]!.GetValue<int>(),
            });
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict,
                $"adding the report: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(30), "adding a thematic report to the programme");
        return (code, name);
    }

    /// <summary>A tree planting held today by the unit, through the activities API.</summary>
    private async Task PlantTreesAsync(HttpClient secretary, Guid unit, string title, int trees)
    {
        var activity = await system.PlanActivityAsync(secretary, new
        {
            title, organiserLevel = "unit", organiserId = unit, kind = "tree-planting", startsOn = Iso(Today),
        });
        (await secretary.PutAsJsonAsync($"/api/activities/activities/{activity}/outcome", new
        {
            quantities = new[] { new { code = "trees-planted", value = trees } }, flags = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_report_sent_on_time_is_returned_with_a_comment_and_its_second_version_is_kept()
    {
        await system.ThisYearHasAProgrammeAsync();
        var (code, reportName) = await AThematicReportDueTomorrowAsync();
        var unitName = $"Đoàn TN Sở Tư pháp {Guid.NewGuid():N}"[..30];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Tư pháp");
        var asSecretary = system.WithToken((await system.SignInAsync(secretary.UserName, secretary.Password)).AccessToken!);
        await PlantTreesAsync(asSecretary, unit, "Trồng cây tại trụ sở Sở Tư pháp", 12);
        // Reporting counts the trees for the report's period once the activity's events arrive: polled once a second.
        await Eventually.Until(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var form = await asSecretary.GetFromJsonAsync<JsonElement>($"/api/reporting/reports/{Today.Year}/{code}?unitId={unit}");
                return form.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "trees-planted").GetProperty("counted").GetInt64() == 12;
            }, TimeSpan.FromSeconds(60), "the report counting the unit's trees");

        // The secretary lands on the unit's list of reports and says where reminders go.
        await using var secretaryContext = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(secretaryContext, secretary.UserName, secretary.Password, "/reports");
        await page.WaitLiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Báo cáo của {unitName}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var listed = page.Locator(".my-reports tr", new() { HasText = reportName });
        await Expect(listed).ToContainTextAsync(Shown(Today.AddDays(1)));
        await Expect(listed).ToContainTextAsync("Chưa đến hạn");
        await page.GetByLabel("E-mail nhận nhắc hạn").FillAsync("doan.sotuphap@langson.gov.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu địa chỉ" }).ClickAsync();
        await Expect(page.GetByText("Cập nhật lúc")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The report: open until tomorrow, the trees prefilled with what DoanKhoi counted.
        await listed.GetByRole(AriaRole.Link).ClickAsync();
        // The portal moves to the page before it shows it: its own content first, then it is live (the list's marker is gone by then).
        await page.WaitForURLAsync(url => url.Contains($"/reports/{Today.Year}/{code}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(page.Locator(".report-deadline")).ToContainTextAsync($"Hạn nộp 23:59 ngày {Shown(Today.AddDays(1))}", new() { Timeout = 30_000 });
        await page.WaitLiveAsync();
        var trees = page.GetByLabel("Cây xanh trồng mới", new() { Exact = true });
        await Expect(trees).ToHaveValueAsync("12");

        // A changed figure without a reason is refused beside its field.
        await trees.FillAsync("15");
        await trees.PressAsync("Tab");
        await page.GetByLabel("Nội dung báo cáo", new() { Exact = true }).FillAsync("Đơn vị tổ chức ra quân trồng cây, học tập chuyên đề chuyển đổi số.");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "bao-cao-chuyen-de.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(),
        });
        await Expect(page.Locator(".report-attachments")).ToContainTextAsync("bao-cao-chuyen-de.pdf", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator("[data-figure='trees-planted']")).ToContainTextAsync("hãy nêu lý do số liệu là 15", new() { Timeout = 30_000 });
        await Expect(page.Locator(".report-version")).ToHaveCountAsync(0);

        // With the reason, it is sent, on time.
        await page.GetByLabel("Lý do khác số DoanKhoi ghi nhận (12)").FillAsync("Thêm 3 cây đoàn viên trồng tại khu dân cư, chưa ghi vào DoanKhoi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".report-version")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".report-deadline")).ToContainTextAsync("Đúng hạn");
        var document = page.Locator(".report-version a", new() { HasText = "bao-cao-chuyen-de.pdf" });
        await Expect(document).ToBeVisibleAsync();
        // The document opens through the portal with the secretary's session.
        var file = await secretaryContext.APIRequest.GetAsync(new Uri(system.Portal, (await document.GetAttributeAsync("href"))!).ToString());
        Assert.Equal(200, file.Status);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await file.BodyAsync()));

        // The bloc office finds the unit's cell on time in the grid, opens it and returns it with a comment.
        await using var officeContext = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var office = await system.SignInAsync(officeContext, "vanphong", system.BlocOfficePassword, $"/reports?year={Today.Year}");
        await office.WaitLiveAsync();
        var cell = office.Locator($"a.report-cell[data-node='{unit}'][data-report='{code}']");
        await Expect(cell).ToHaveAttributeAsync("data-state", "onTime", new() { Timeout = 30_000 });
        await Expect(cell).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("Đúng hạn$"));
        await office.ScreenshotAsync("reports-grid");
        // The grid's download says the same.
        var export = await officeContext.APIRequest.GetAsync(new Uri(system.Portal, $"/files/reporting/reports/{Today.Year}/calendar/export?format=csv").ToString());
        Assert.Equal(200, export.Status);
        Assert.Contains((await export.TextAsync()).Split('\n'), line => line.Contains(unitName, StringComparison.Ordinal) && line.Contains("Đúng hạn", StringComparison.Ordinal));
        await cell.ClickAsync();
        await office.WaitForURLAsync(url => url.Contains($"/reports/{Today.Year}/{code}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(office.Locator(".report-deadline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await office.WaitLiveAsync();
        const string comment = "Đề nghị bổ sung số lượt đoàn viên tham gia học tập chuyên đề.";
        await office.GetByLabel("Nhận xét khi trả lại").FillAsync(comment);
        await office.GetByRole(AriaRole.Button, new() { Name = "Trả lại để sửa" }).ClickAsync();
        await Expect(office.Locator(".review-comment")).ToContainTextAsync(comment, new() { Timeout = 30_000 });

        // The secretary reads the comment and sends a second version from the first; both are kept, the newest first.
        await page.ReloadAsync();
        await page.WaitLiveAsync();
        await Expect(page.Locator(".review-comment")).ToContainTextAsync(comment, new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gửi bản sửa (bản số 2)" })).ToBeVisibleAsync();
        await Expect(trees).ToHaveValueAsync("15");
        var narrative = page.GetByLabel("Nội dung báo cáo", new() { Exact = true });
        await narrative.FillAsync(await narrative.InputValueAsync() + "\n45 lượt đoàn viên tham gia học tập chuyên đề.");
        await page.GetByLabel("Ghi chú cho Văn phòng (nếu có)").FillAsync("Đã bổ sung theo nhận xét");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bản sửa" }).ClickAsync();
        var versions = page.Locator(".report-version");
        await Expect(versions).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(versions.First).ToContainTextAsync("Bản số 2");
        await Expect(versions.First).ToContainTextAsync("Đã bổ sung theo nhận xét");
        await Expect(versions.Nth(1)).ToContainTextAsync("Bản số 1");
        await Expect(page.Locator(".review-comment")).ToHaveCountAsync(0);
        // The first version keeps the office's comment on it; the second waits for its review.
        await Expect(versions.Nth(1).Locator(".version-review")).ToContainTextAsync("Văn phòng trả lại để sửa");
        await Expect(versions.Nth(1).Locator(".version-review")).ToContainTextAsync(comment);
        await Expect(versions.First.Locator(".version-review")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("report-versions");
    }

    [Fact]
    public async Task The_bloc_office_opens_a_locked_report_again_ranks_the_units_and_the_grid_fits_a_phone()
    {
        await system.ThisYearHasAProgrammeAsync();
        // The test system starts with no units: one to rank, once reporting has heard of it.
        var unitName = $"Đoàn TN Sở Công Thương {Guid.NewGuid():N}"[..34];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        await Eventually.Until(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var rows = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/reporting/scoreboard?year={Today.Year}&level=unit");
                return rows.EnumerateArray().Any(r => r.GetProperty("nodeId").GetGuid() == unit);
            }, TimeSpan.FromSeconds(60), "reporting hearing of the unit");

        // The year's plan was due on 25 February: locked for the unit, until the office opens it again.
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, "vanphong", system.BlocOfficePassword, $"/reports/{Today.Year}/plan?unitId={unit}");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".report-lock")).ToContainTextAsync("Báo cáo đã khóa", new() { Timeout = 30_000 });
        var until = page.GetByLabel("Mở đến ngày (dd/MM/yyyy)");
        await until.FillAsync(Shown(Today.AddDays(3)));
        await until.PressAsync("Tab");
        await Expect(page.Locator(".open-until")).ToContainTextAsync($"đến {Shown(Today.AddDays(3))} 23:59", new() { Timeout = 30_000 });
        await page.GetByLabel("Lý do mở lại").FillAsync("Đơn vị mới thành lập, nộp bổ sung kế hoạch năm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mở lại" }).ClickAsync();
        await Expect(page.Locator(".report-open")).ToContainTextAsync($"đã mở lại báo cáo cho đơn vị đến {Shown(Today.AddDays(3))} 23:59", new() { Timeout = 30_000 });

        await page.GotoAsync(new Uri(system.Portal, "/scoreboard").ToString());
        await page.WaitLiveAsync();
        await Expect(page.Locator($".score-table tr[data-node='{unit}']")).ToContainTextAsync(unitName, new() { Timeout = 60_000 });
        await Expect(page.Locator(".score-table tbody tr").First.Locator(".score-rank")).ToHaveTextAsync("1");
        await Expect(page.Locator(".chart")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tải bảng số liệu năm" })).ToBeVisibleAsync();
        var lines = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.StartsWith("Hạng", lines[0]);
        Assert.True(lines.Length >= 2, "the scoreboard's export has its units");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Xếp hạng" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Các cụm thi đua", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".score-table thead")).ToContainTextAsync("Cụm thi đua", new() { Timeout = 30_000 });
        await page.ScreenshotAsync("scoreboard");

        await using var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone);
        var small = await system.SignInAsync(phone, "vanphong", system.BlocOfficePassword, "/reports");
        await small.WaitLiveAsync();
        await Expect(small.Locator($".calendar-grid tr[data-node='{unit}']")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(small.Locator(".report-legend")).ToContainTextAsync("Chưa nộp (quá hạn)");
        Assert.True(await small.FitsTheWidthAsync());
        await small.ScreenshotAsync("reports-phone");
    }
}
