using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The follow-up of recommendations as the system runs it (every few seconds here): a recommendation
/// falling due reminds the unit's secretary, who sees the reminder in the portal beside the to-do list and
/// says where the next ones are e-mailed.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalFollowUpTests(DoanKhoiSystem system)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [Fact]
    public async Task A_secretary_sees_the_reminder_of_a_recommendation_falling_due_and_says_where_reminders_are_e_mailed()
    {
        var (_, unit) = await system.CreateUnitAsync("Đoàn Thanh niên Sở Xây dựng");
        var committeeAccount = await system.CreateAccountAsync("inspection-committee@bloc", "Ủy ban Kiểm tra kiểm thử");
        var committee = system.WithToken((await system.SignInAsync(committeeAccount.UserName, committeeAccount.Password)).AccessToken!);
        var inspection = await PortalInspectionsTests.StartedAsync(committee, unit, "Kiểm tra công tác tài chính đoàn");
        (await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/findings",
            new { subjectId = unit, severity = "notable", description = "Sổ quỹ chưa cập nhật" })).EnsureSuccessStatusCode();
        // Due in three days: within the week before the due day, when the secretary is reminded.
        var due = Today.AddDays(3);
        (await committee.PostAsJsonAsync($"/api/inspection/inspections/{inspection}/conclude", new
        {
            conclusion = "Đơn vị cần cập nhật sổ quỹ.", concludedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            recommendations = new[] { new { addresseeId = unit, action = "Cập nhật sổ quỹ đến hết tháng", dueOn = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        })).EnsureSuccessStatusCode();
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Xây dựng");
        var asSecretary = system.WithToken((await system.SignInAsync(secretary.UserName, secretary.Password)).AccessToken!);
        await Eventually.Until(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var reminders = await asSecretary.GetFromJsonAsync<JsonElement>("/api/inspection/reminders");
                return reminders.EnumerateArray().Any(r => r.GetProperty("action").GetString() == "Cập nhật sổ quỹ đến hết tháng");
            }, TimeSpan.FromSeconds(90), "the follow-up reminding the secretary");

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/recommendations");
        await page.WaitLiveAsync();
        var reminder = page.GetByRole(AriaRole.List, new() { Name = "Các lần nhắc thực hiện kiến nghị" }).GetByRole(AriaRole.Listitem);
        await Expect(reminder).ToContainTextAsync("Nhắc đơn vị: sắp đến hạn: Cập nhật sổ quỹ đến hết tháng", new() { Timeout = 30_000 });
        await Expect(reminder).ToContainTextAsync($"hạn {due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");

        // Not an address: said beside the field. Then the unit's address, kept for the next reminders.
        var email = page.GetByLabel("E-mail nhận nhắc thực hiện kiến nghị");
        await email.FillAsync("van-phong-so-xay-dung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu địa chỉ" }).ClickAsync();
        await Expect(page.Locator(".mud-input-helper-text", new() { HasText = "không phải địa chỉ e-mail" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await email.FillAsync("doan.soxaydung@langson.gov.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu địa chỉ" }).ClickAsync();
        await Expect(page.GetByText("Thư nhắc thực hiện kiến nghị sẽ gửi đến doan.soxaydung@langson.gov.vn")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var contact = await asSecretary.GetFromJsonAsync<JsonElement>($"/api/inspection/contacts/{unit}");
        Assert.Equal("doan.soxaydung@langson.gov.vn", contact.GetProperty("email").GetString());
    }
}
