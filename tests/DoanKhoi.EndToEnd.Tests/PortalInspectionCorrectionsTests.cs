using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>What the inspection committee puts right in a real browser, after it was recorded: a youth forum's
/// details and the inspection it fed, a disciplinary decision annulled with its reason, a line of the year's
/// programme moved to another quarter.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalInspectionCorrectionsTests(DoanKhoiSystem system)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(HttpClient Client, (string UserName, string Password) Account)> CommitteeAsync()
    {
        var account = await system.CreateAccountAsync("inspection-committee@bloc", "Ủy ban Kiểm tra kiểm thử");
        return (system.WithToken((await system.SignInAsync(account.UserName, account.Password)).AccessToken!), account);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The page as it stands (a correction's form open) meets WCAG AA, by the rules of <see cref="AccessibilityTests"/>.</summary>
    private static async Task MeetsWcagAaAsync(IPage page)
    {
        var violations = (await page.RunAxe(AccessibilityTests.WcagAa)).Violations;
        Assert.True(violations.Length == 0, string.Join("\n", violations.Select(rule =>
            $"[{rule.Impact}] {rule.Id}: {rule.Help} on {string.Join(" | ", rule.Nodes.Take(3).Select(n => n.Html))}")));
    }

    [Fact]
    public async Task The_committee_corrects_a_youth_forum_s_participants_and_opinions_and_links_it_to_the_inspection_it_fed()
    {
        var (committee, account) = await CommitteeAsync();
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Y tế {Guid.NewGuid():N}"[..26]);
        var topic = $"Giám sát việc tập hợp thanh niên công nhân {Guid.NewGuid():N}"[..56];
        // The unit reaches inspection by an event moments after it is made: the plan waits it out.
        var inspection = await ReadAsync(await Eventually.Until(() => committee.PostAsJsonAsync("/api/inspection/inspections", new
        {
            kind = "supervision", topic, decisionNumber = "22-QĐ/UBKT", decidedOn = Iso(Today), plannedFrom = Iso(Today), plannedTo = Iso(Today),
            team = new[] { "kiemtra" }, subjects = new[] { new { kind = "unit", id = unit } },
        }), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "inspection hearing of the unit"));
        var title = $"Tiếng nói thanh niên khu công nghiệp {Guid.NewGuid():N}"[..48];
        var forum = await ReadAsync(await committee.PostAsJsonAsync("/api/inspection/youth-forums", new
        {
            title, heldOn = Iso(Today), participants = 30,
            opinions = new object[] { new { text = "Cần thêm nhà trọ giá rẻ cho công nhân", topic = "Nhà ở" }, new { text = "Ý kiến ghi nhầm" } },
        }));
        var forumId = forum.GetProperty("id").GetGuid();

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, "/youth-forums");
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sửa diễn đàn: {title}" }).ClickAsync(new() { Timeout = 30_000 });
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Sửa diễn đàn" });
        await Expect(form.GetByLabel("Tên diễn đàn")).ToHaveValueAsync(title, new() { Timeout = 30_000 });
        await Expect(form.GetByLabel("Tên diễn đàn")).ToBeFocusedAsync();
        await MeetsWcagAaAsync(page);

        var participants = form.GetByLabel("Số người tham dự");
        await participants.FillAsync("45");
        await participants.PressAsync("Tab");
        await form.GetByLabel("Ý kiến ghi nhận (mỗi dòng một ý kiến)").FillAsync("Cần thêm nhà trọ giá rẻ cho công nhân\nMở lớp tin học buổi tối cho đoàn viên");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Phục vụ cuộc kiểm tra, giám sát" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText(topic, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).ClickAsync();

        var item = page.Locator(".forum-list > li", new() { HasText = title });
        await Expect(item).ToContainTextAsync("45 người tham dự", new() { Timeout = 30_000 });
        await Expect(item).ToContainTextAsync($"phục vụ {topic}");
        await Expect(item).ToContainTextAsync("Nhà ở: Cần thêm nhà trọ giá rẻ cho công nhân");   // typed as it was, it keeps its topic
        await Expect(item).ToContainTextAsync("Mở lớp tin học buổi tối cho đoàn viên");
        await Expect(item).Not.ToContainTextAsync("Ý kiến ghi nhầm");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Ghi nhận diễn đàn" })).ToBeVisibleAsync();

        var stored = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/youth-forums/{forumId}");
        Assert.Equal((inspection.GetProperty("id").GetGuid(), 45, 2), (stored.GetProperty("inspectionId").GetGuid(), stored.GetProperty("participants").GetInt32(),
            stored.GetProperty("opinions").GetArrayLength()));
    }

    [Fact]
    public async Task The_committee_annuls_a_reprimand_with_a_reason_and_the_member_s_record_shows_it_annulled()
    {
        var (_, unit) = await system.CreateUnitAsync($"Đoàn TN Sở Xây dựng {Guid.NewGuid():N}"[..30]);
        var member = await system.RegisterMemberAsync(unit, "Nông Văn Định");
        var (committee, account) = await CommitteeAsync();
        // The member's event reaches inspection moments after: the decision waits it out.
        var decided = await Eventually.Until(() => committee.PostAsJsonAsync("/api/inspection/discipline", new
        {
            memberId = member, measure = "reprimand", decisionNumber = "07-QĐKL/ĐTN", decidedBy = "Ban Chấp hành Đoàn cơ sở",
            decidedOn = Iso(Today), effectiveOn = Iso(Today), reason = "Không đóng đoàn phí sáu tháng",
        }), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "inspection hearing of the member");
        var decision = (await ReadAsync(decided)).GetProperty("id").GetGuid();

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, $"/members/{member}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hủy quyết định số 07-QĐKL/ĐTN" }).ClickAsync(new() { Timeout = 30_000 });
        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}/discipline/{decision}/annul", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.WaitLiveAsync();

        // No reason: refused beside the field, and nothing changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy quyết định kỷ luật" }).ClickAsync();
        var reasonField = page.Locator(".mud-input-control", new() { HasText = "Lý do hủy quyết định" });
        await Expect(reasonField.Locator(".mud-input-helper-text.mud-input-error")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await MeetsWcagAaAsync(page);
        Assert.False((await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/discipline/{decision}")).GetProperty("annulled").GetBoolean());

        // The field re-renders with its error just before: typed, left, and still holding the reason before the send.
        var reason = page.GetByLabel("Lý do hủy quyết định");
        await reason.FillAsync("Đoàn viên đã đóng đủ đoàn phí trước ngày quyết định; quyết định sai căn cứ");
        await reason.PressAsync("Tab");
        await Expect(reason).ToHaveValueAsync("Đoàn viên đã đóng đủ đoàn phí trước ngày quyết định; quyết định sai căn cứ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy quyết định kỷ luật" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/members/{member}", StringComparison.Ordinal), new() { Timeout = 30_000 });
        var decisions = page.Locator(".discipline-list");
        await Expect(decisions).ToContainTextAsync("Khiển trách (đã hủy) · Quyết định số 07-QĐKL/ĐTN", new() { Timeout = 30_000 });
        await Expect(decisions).ToContainTextAsync("Lý do: Đoàn viên đã đóng đủ đoàn phí trước ngày quyết định; quyết định sai căn cứ");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Hủy quyết định số 07-QĐKL/ĐTN" })).ToHaveCountAsync(0);

        var stored = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/discipline/{decision}");
        Assert.True(stored.GetProperty("annulled").GetBoolean());
    }

    [Fact]
    public async Task The_committee_moves_a_programme_line_to_another_quarter_with_a_note_and_the_programme_shows_it()
    {
        var (committee, account) = await CommitteeAsync();
        var topic = $"Kiểm tra việc quản lý đoàn phí {Guid.NewGuid():N}"[..44];
        var line = await ReadAsync(await committee.PostAsJsonAsync("/api/inspection/programme", new { year = Today.Year, kind = "thematic", topic, quarter = 1 }));

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, "/inspections");
        await page.WaitLiveAsync();
        var row = page.Locator(".programme-lines tr", new() { HasText = topic });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Sửa nội dung: {topic}" }).ClickAsync(new() { Timeout = 30_000 });
        var form = page.GetByRole(AriaRole.Region, new() { Name = "Sửa nội dung của chương trình" });
        await Expect(form.GetByLabel("Nội dung của chương trình")).ToHaveValueAsync(topic, new() { Timeout = 30_000 });
        await MeetsWcagAaAsync(page);

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Quý" }).ClickAsync();
        await PortalBrowser.Choices(page).GetByText("Quý 3", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await form.GetByLabel("Ghi chú của nội dung").FillAsync("Lùi sang quý III theo đề nghị của Ban Thường vụ");
        await form.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).ClickAsync();

        await Expect(row.Locator("td").First).ToHaveTextAsync("3", new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync($"{topic} (Lùi sang quý III theo đề nghị của Ban Thường vụ)");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Thêm vào chương trình" })).ToBeVisibleAsync();

        var programme = await committee.GetFromJsonAsync<JsonElement>($"/api/inspection/programme?year={Today.Year}");
        var stored = programme.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == line.GetProperty("id").GetGuid());
        Assert.Equal((3, "thematic"), (stored.GetProperty("quarter").GetInt32(), stored.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task The_committee_removes_a_finding_recorded_by_mistake_adds_a_recommendation_later_and_cancels_an_inspection_with_the_reason()
    {
        var unitName = $"Đoàn TN Sở Công Thương {Guid.NewGuid():N}"[..30];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        var (committee, account) = await CommitteeAsync();
        var inspection = await PortalInspectionsTests.StartedAsync(committee, unit, "Kiểm tra công tác phát triển đảng viên");
        foreach (var description in new[] { "Ghi nhầm: phát hiện của đơn vị khác", "Chưa lập danh sách đoàn viên ưu tú" })
            await ReadAsync(await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/findings", new { subjectId = unit, severity = "minor", description }));

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, account.UserName, account.Password, $"/inspections/{inspection}");
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xóa phát hiện ghi nhầm: Ghi nhầm: phát hiện của đơn vị khác" }).ClickAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".findings li")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator(".findings li")).ToContainTextAsync("Chưa lập danh sách đoàn viên ưu tú");

        // Concluded with one recommendation; a second, due in two months, is added from the page.
        await ReadAsync(await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/conclude", new
        {
            conclusion = "Đơn vị cần lập danh sách đoàn viên ưu tú.", concludedOn = Iso(Today),
            recommendations = new[] { new { addresseeId = unit, action = "Lập danh sách đoàn viên ưu tú", dueOn = Iso(Today.AddDays(30)) } },
        }));
        await page.ReloadAsync();
        await page.WaitLiveAsync();
        var more = page.GetByRole(AriaRole.Region, new() { Name = "Bổ sung kiến nghị" });
        await more.GetByRole(AriaRole.Combobox, new() { Name = "Kiến nghị 1: gửi đến" }).ClickAsync(new() { Timeout = 30_000 });
        await PortalBrowser.Choices(page).GetByText(unitName, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await more.GetByLabel("Kiến nghị 1: việc cần làm").FillAsync("Giới thiệu đoàn viên ưu tú cho Đảng xem xét");
        var due = more.GetByLabel("Kiến nghị 1: hạn (dd/MM/yyyy)");
        await due.FillAsync(Today.AddDays(60).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await due.PressAsync("Tab");
        await more.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị bổ sung" }).ClickAsync();
        await Expect(page.Locator(".recommendation-list tbody tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(page.Locator(".recommendation-list")).ToContainTextAsync("Giới thiệu đoàn viên ưu tú cho Đảng xem xét");

        // Another inspection, planned: cancelled only with the reason, which the page then shows.
        var planned = await PortalInspectionsTests.StartedAsync(committee, unit, "Giám sát việc thực hiện quy chế dân chủ", start: false);
        await page.GotoAsync(new Uri(system.Portal, $"/inspections/{planned}").ToString());
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy cuộc kiểm tra" }).ClickAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".mud-input-helper-text", new() { HasText = "Hãy nêu lý do hủy cuộc kiểm tra" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("Lý do hủy cuộc kiểm tra").FillAsync("Trùng với đợt giám sát của Thành đoàn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy cuộc kiểm tra" }).ClickAsync();
        await Expect(page.Locator(".inspection-state")).ToContainTextAsync("Đã hủy", new() { Timeout = 30_000 });
        await Expect(page.GetByText("Đã hủy: Trùng với đợt giám sát của Thành đoàn")).ToBeVisibleAsync();
    }
}
