using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>Inspections in a real browser: the inspection committee records what it found and concludes an
/// inspection with a recommendation; the unit's secretary finds it on the unit's to-do list and reports it
/// done with its evidence, for the committee to verify. The committee keeps the social-critique register
/// and records a reprimand the member then sees; a serious finding shows where the unit is judged.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalInspectionsTests(DoanKhoiSystem system)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A thematic inspection of <paramref name="unit"/> planned (and started, unless <paramref name="start"/> is false) today by <paramref name="committee"/>. A unit
    /// made a moment ago reaches inspection by an event: until then the plan is refused (400, no such unit), and waits.</summary>
    internal static async Task<Guid> StartedAsync(HttpClient committee, Guid unit, string topic, bool start = true)
    {
        var planned = await (await Eventually.Until(() => committee.PostAsJsonAsync("/api/inspection/inspections", new
        {
            kind = "thematic", topic, decisionNumber = "15-QĐ/UBKT", decidedOn = Iso(Today), plannedFrom = Iso(Today), plannedTo = Iso(Today),
            team = new[] { "kiemtra" }, subjects = new[] { new { kind = "unit", id = unit } },
        }), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "inspection hearing of the unit"))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = planned.GetProperty("id").GetGuid();
        if (start) (await committee.PostAsJsonAsync($"/api/inspection/inspections/{id}/start", new { startedOn = Iso(Today) })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<(HttpClient Client, (string UserName, string Password) Account)> CommitteeAsync()
    {
        var account = await system.CreateAccountAsync("inspection-committee@bloc", "Ủy ban Kiểm tra kiểm thử");
        return (system.WithToken((await system.SignInAsync(account.UserName, account.Password)).AccessToken!), account);
    }

    [Fact]
    public async Task The_inspection_committee_records_a_finding_and_concludes_with_a_recommendation()
    {
        var unitName = $"Đoàn TN Sở Nội vụ {Guid.NewGuid():N}"[..28];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        var (committee, account) = await CommitteeAsync();
        var inspection = await StartedAsync(committee, unit, "Kiểm tra việc thu, nộp đoàn phí");
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, $"/inspections/{inspection}");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".inspection-state")).ToContainTextAsync("Đang kiểm tra", new() { Timeout = 30_000 });

        // What the inspection found.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Đối tượng" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText(unitName, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByLabel("Nội dung phát hiện").FillAsync("Đoàn phí quý III chưa nộp lên Đoàn Khối");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận phát hiện" }).ClickAsync();
        await Expect(page.Locator(".findings li")).ToContainTextAsync("Đoàn phí quý III chưa nộp lên Đoàn Khối", new() { Timeout = 30_000 });
        // The photo of the unpaid ledger goes with the finding.
        await page.Locator(".findings li", new() { HasText = "Đoàn phí quý III" }).Locator("input[type=file]")
            .SetInputFilesAsync(new FilePayload { Name = "so-doan-phi.png", MimeType = "image/png", Buffer = Png });
        await Expect(page.Locator(".findings li").GetByRole(AriaRole.Link, new() { Name = "so-doan-phi.png" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The unit is assessed, with its result: the inspection's progress is the share of its subjects assessed.
        await Expect(page.Locator("dl.record")).ToContainTextAsync("0% đối tượng đã đánh giá");
        await page.GetByRole(AriaRole.Combobox, new() { Name = $"Giai đoạn: {unitName}" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Đã đánh giá", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByLabel($"Kết quả đánh giá: {unitName}").FillAsync("Chưa hoàn thành thu nộp đoàn phí");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Lưu đánh giá: {unitName}" }).ClickAsync();
        await Expect(page.Locator("dl.record")).ToContainTextAsync("100% đối tượng đã đánh giá", new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Đối tượng kiểm tra" })).ToContainTextAsync("Đã đánh giá · Chưa hoàn thành thu nộp đoàn phí");

        // The conclusion, with a recommendation to the unit due in a month.
        var due = Today.AddDays(30);
        await page.GetByLabel("Kết luận", new() { Exact = true }).FillAsync("Đơn vị cần nộp đủ đoàn phí và chấn chỉnh công tác tài chính.");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Kiến nghị 1: gửi đến" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText(unitName, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByLabel("Kiến nghị 1: việc cần làm").FillAsync("Nộp đủ đoàn phí quý III");
        var dueField = page.GetByLabel("Kiến nghị 1: hạn (dd/MM/yyyy)");
        await dueField.FillAsync(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await dueField.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kết luận", Exact = true }).ClickAsync();

        await Expect(page.Locator(".inspection-state")).ToContainTextAsync("Đã kết luận", new() { Timeout = 30_000 });
        var row = page.Locator(".recommendation-list tr", new() { HasText = "Nộp đủ đoàn phí quý III" });
        await Expect(row).ToContainTextAsync(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(row).ToContainTextAsync("Chưa thực hiện");
        await page.ScreenshotAsync("inspection-concluded");
        var stored = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/inspections/{inspection}");
        Assert.Equal(("concluded", 1), (stored.GetProperty("status").GetString(), stored.GetProperty("recommendations").GetArrayLength()));
    }

    [Fact]
    public async Task A_secretary_finds_a_recommendation_on_the_units_to_do_list_and_reports_it_done_with_evidence()
    {
        var (_, unit) = await system.CreateUnitAsync("Đoàn Thanh niên Sở Văn hóa");
        var (committee, _) = await CommitteeAsync();
        var inspection = await StartedAsync(committee, unit, "Giám sát sinh hoạt chi đoàn");
        (await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/findings",
            new { subjectId = unit, severity = "serious", description = "Ba tháng không sinh hoạt chi đoàn" })).EnsureSuccessStatusCode();
        var concluded = await (await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/conclude", new
        {
            conclusion = "Đơn vị cần khôi phục sinh hoạt chi đoàn.", concludedOn = Iso(Today),
            recommendations = new[] { new { addresseeId = unit, action = "Tổ chức lại sinh hoạt chi đoàn hằng tháng", dueOn = Iso(Today.AddDays(14)) } },
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var recommendation = concluded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Văn hóa");

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/recommendations");
        await page.WaitLiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Việc cần làm sau kiểm tra" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Tổ chức lại sinh hoạt chi đoàn hằng tháng" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/recommendations/{recommendation}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.WaitLiveAsync();

        // Done without evidence is refused beside the field; with the scanned minutes attached it goes to the committee.
        await page.GetByLabel("Đơn vị đã làm gì").FillAsync("Đã tổ chức sinh hoạt chi đoàn tháng 11 với 25 đoàn viên");
        await page.GetByLabel("Đã hoàn thành, đề nghị Ủy ban Kiểm tra xác nhận").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.Locator(".mud-input-helper-text", new() { HasText = "Báo cáo hoàn thành kiến nghị cần có minh chứng" })).ToBeVisibleAsync(new() { Timeout = 30_000 });   // beside the evidence field
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "Biên bản sinh hoạt tháng 11.pdf", MimeType = "application/pdf", Buffer = Minutes });
        await Expect(page.Locator(".waiting-files li")).ToContainTextAsync("Biên bản sinh hoạt tháng 11.pdf", new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        try
        {
            await Expect(page.Locator(".recommendation-state")).ToContainTextAsync("Chờ xác nhận", new() { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{e.Message}\nThe page said: {await page.Locator("main").InnerTextAsync()}", e);
        }
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Báo cáo thực hiện" }).GetByRole(AriaRole.Link, new() { Name = "Biên bản sinh hoạt tháng 11.pdf" }))
            .ToBeVisibleAsync();
        await page.ScreenshotAsync("recommendation-reported-done");
        var stored = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/recommendations/{recommendation}");
        Assert.Equal(("done", 1), (stored.GetProperty("status").GetString(), stored.GetProperty("reports").GetArrayLength()));
        var given = stored.GetProperty("reports")[0].GetProperty("fileIds")[0].GetGuid();
        Assert.Equal(Minutes, await committee.GetByteArrayAsync($"/api/inspection/recommendations/{recommendation}/files/{given}"));
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Minutes = "%PDF-1.4\n% Biên bản sinh hoạt chi đoàn tháng 11\n"u8.ToArray();

    [Fact]
    public async Task The_committee_keeps_the_social_critique_register_and_an_item_counts_for_K14_once_its_opinions_are_sent()
    {
        var (committee, account) = await CommitteeAsync();
        var document = $"Dự thảo Nghị quyết về chính sách hỗ trợ thanh niên khởi nghiệp {Guid.NewGuid():N}"[..72];
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, "/social-critiques");
        await page.WaitLiveAsync();
        var counted = int.Parse(await page.Locator(".k14-count b").InnerTextAsync(new() { Timeout = 30_000 }), CultureInfo.InvariantCulture);

        // Nothing typed: the register says which field is missing, beside it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào sổ" }).ClickAsync();
        var documentField = page.Locator(".mud-input-control", new() { HasText = "Văn bản phản biện" });
        await Expect(documentField.Locator(".mud-input-helper-text.mud-input-error")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Văn bản phản biện", Exact = true }).FillAsync(document);
        await page.GetByLabel("Cơ quan gửi").FillAsync("Sở Kế hoạch và Đầu tư");
        var received = page.GetByLabel("Ngày nhận (dd/MM/yyyy)");
        await received.FillAsync(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await received.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào sổ" }).ClickAsync();
        var row = page.Locator(".critique-list tr", new() { HasText = document });
        await Expect(row).ToContainTextAsync("Chưa gửi", new() { Timeout = 30_000 });
        await Expect(page.Locator(".k14-count b")).ToHaveTextAsync(counted.ToString(CultureInfo.InvariantCulture));

        // The bloc's opinions go out: the item now counts toward K14.
        await page.GetByLabel("Ý kiến Đoàn Khối đã gửi").FillAsync("Đề nghị bổ sung hỗ trợ vay vốn cho thanh niên dưới 30 tuổi.");
        var sent = page.GetByLabel("Ngày gửi ý kiến (dd/MM/yyyy)");
        await sent.FillAsync(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await sent.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận ý kiến đã gửi" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Đề nghị bổ sung hỗ trợ vay vốn", new() { Timeout = 30_000 });
        await Expect(page.Locator(".k14-count b")).ToHaveTextAsync((counted + 1).ToString(CultureInfo.InvariantCulture));
        await page.ScreenshotAsync("social-critique-register");

        var register = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/social-critiques?year={Today.Year}");
        var stored = register.EnumerateArray().Single(i => i.GetProperty("document").GetString() == document);
        Assert.Equal((Iso(Today), "Sở Kế hoạch và Đầu tư"), (stored.GetProperty("opinionsSentOn").GetString(), stored.GetProperty("sentBy").GetString()));
    }

    [Fact]
    public async Task A_serious_finding_shows_on_the_unit_s_page_and_beside_its_grade_when_the_standing_committee_grades_the_units()
    {
        var unitName = $"Đoàn TN Sở Tài nguyên {Guid.NewGuid():N}"[..32];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        var (committee, _) = await CommitteeAsync();
        var inspection = await StartedAsync(committee, unit, "Kiểm tra việc quản lý hồ sơ đoàn viên");
        (await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/findings",
            new { subjectId = unit, severity = "serious", description = "Sổ đoàn viên không được cập nhật từ năm 2024" })).EnsureSuccessStatusCode();
        var standing = await system.CreateAccountAsync("standing-committee@bloc", "Ban Thường vụ kiểm thử");
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Tài nguyên");

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, $"/organisation/units/{unit}");
            await Expect(page.Locator(".unit-standing")).ToContainTextAsync("1 phát hiện nghiêm trọng chưa khắc phục", new() { Timeout = 30_000 });
        }

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, standing.UserName, standing.Password, "/evaluations");
            await page.WaitLiveAsync();
            var row = page.Locator(".unit-grades tr", new() { HasText = unitName });
            await Expect(row.Locator("td.weighs")).ToHaveTextAsync("1", new() { Timeout = 30_000 });
            await row.GetByRole(AriaRole.Combobox, new() { Name = $"Xếp loại {unitName}" }).ClickAsync();
            await PortalBrowser.Choices(page).GetByText("Hoàn thành nhiệm vụ", new() { Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await row.GetByLabel($"Ghi chú {unitName}").FillAsync("Còn tồn tại về hồ sơ đoàn viên");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lưu xếp loại (1 đơn vị)" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Lưu xếp loại (0 đơn vị)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync("unit-grades-with-standing");
        }

        var year = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/membership/evaluations/{(Today.Month >= 10 ? Today.Year : Today.Year - 1)}");
        var graded = year.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetGuid() == unit);
        Assert.Equal(("pass", "Còn tồn tại về hồ sơ đoàn viên"), (graded.GetProperty("grade").GetString(), graded.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task The_committee_records_a_reprimand_on_a_member_s_record_and_the_member_sees_it_on_their_phone()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Giao thông {Guid.NewGuid():N}"[..32]);
        var member = await system.RegisterMemberAsync(unit, "Hoàng Thị Thu Trang");
        var memberAccount = await system.CreateAccountAsync($"member@member:{member}", "Hoàng Thị Thu Trang");
        var (committee, account) = await CommitteeAsync();
        // An inspection on signs of violation of the member comes first; it also waits out the member's event reaching inspection.
        await Eventually.Until(() => committee.PostAsJsonAsync("/api/inspection/inspections", new
        {
            kind = "onSignsOfViolation", topic = "Kiểm tra khi có dấu hiệu vi phạm của đoàn viên", decisionNumber = "31-QĐ/UBKT", decidedOn = Iso(Today),
            plannedFrom = Iso(Today), plannedTo = Iso(Today), team = new[] { "kiemtra" }, subjects = new[] { new { kind = "person", id = member } },
        }), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "inspection hearing of the member");

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, account.UserName, account.Password, $"/members/{member}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Ghi quyết định kỷ luật" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}/discipline/new", StringComparison.Ordinal), new() { Timeout = 30_000 });
            await page.WaitLiveAsync();
            await page.GetByRole(AriaRole.Combobox, new() { Name = "Hình thức kỷ luật" }).ClickAsync();
            await PortalBrowser.Choices(page).GetByText("Khiển trách", new() { Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await page.GetByLabel("Số quyết định").FillAsync("05-QĐKL/ĐTN");
            await page.GetByLabel("Cấp quyết định").FillAsync("Ban Chấp hành Đoàn cơ sở");
            foreach (var label in new[] { "Ngày quyết định (dd/MM/yyyy)", "Hiệu lực từ ngày (dd/MM/yyyy)" })
            {
                var day = page.GetByLabel(label);
                await day.FillAsync(Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
                await day.PressAsync("Tab");
            }
            await page.GetByLabel("Lý do").FillAsync("Không tham gia sinh hoạt chi đoàn ba tháng liền");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
            await Expect(page.Locator(".discipline-list")).ToContainTextAsync("Khiển trách", new() { Timeout = 30_000 });
        }

        await using (var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone))
        {
            var page = await system.SignInAsync(phone, memberAccount.UserName, memberAccount.Password, $"/members/{member}");
            await Expect(page.Locator(".discipline-list")).ToContainTextAsync("Khiển trách · Quyết định số 05-QĐKL/ĐTN", new() { Timeout = 30_000 });
            await Expect(page.Locator(".discipline-list")).ToContainTextAsync("Không tham gia sinh hoạt chi đoàn ba tháng liền");
            Assert.True(await page.FitsTheWidthAsync());
        }
    }

    [Fact]
    public async Task The_committee_adds_a_thematic_line_to_the_year_s_programme_counted_against_K14_and_drops_it()
    {
        var (_, account) = await CommitteeAsync();
        var topic = $"Giám sát việc thực hiện Nghị quyết Đại hội {Guid.NewGuid():N}"[..56];
        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, "/inspections");
        await page.WaitLiveAsync();
        var planned = page.Locator(".figure", new() { HasText = "Chuyên đề, giám sát trong chương trình năm" }).Locator(".figure-value");
        var before = int.Parse(await planned.InnerTextAsync(new() { Timeout = 30_000 }), CultureInfo.InvariantCulture);

        await page.GetByLabel("Nội dung của chương trình").FillAsync(topic);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Loại của nội dung" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Giám sát", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Quý" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Quý 4", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chương trình" }).ClickAsync();

        var line = page.Locator(".programme-lines tr", new() { HasText = topic });
        await Expect(line).ToContainTextAsync("Giám sát", new() { Timeout = 30_000 });
        await Expect(planned).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));

        await line.GetByRole(AriaRole.Button, new() { Name = $"Bỏ khỏi chương trình: {topic}" }).ClickAsync();
        await Expect(line).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Expect(planned).ToHaveTextAsync(before.ToString(CultureInfo.InvariantCulture));
    }
}
