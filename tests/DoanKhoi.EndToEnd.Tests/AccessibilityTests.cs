using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The portal's pages audited with axe-core (Deque's engine, run inside Chromium) against the
/// WCAG 2.0, 2.1 and 2.2 A and AA rules, as each person meets them: the bloc office on a desktop, a unit's
/// secretary at their members' forms, a member on a 360 px phone. A page that breaks a rule (text that
/// does not stand out from its background, a button with no name, a link told apart by colour only, a
/// list that claims to be a choice) fails with the rule, the elements and axe's help.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class AccessibilityTests(DoanKhoiSystem system)
{
    internal static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Fact]
    public async Task Every_main_page_of_the_bloc_office_a_secretary_and_a_member_meets_WCAG_AA()
    {
        await system.ThisYearHasAProgrammeAsync();
        var (_, unit) = await system.CreateUnitAsync("Đoàn Thanh niên Sở Giáo dục và Đào tạo");
        var member = await system.RegisterMemberAsync(unit, "Triệu Thị Lan Anh", dateOfBirth: "2000-03-08");
        var activity = await PlanActivityAsync(unit);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư kiểm thử");
        var memberAccount = await system.CreateAccountAsync($"member@member:{member}", "Triệu Thị Lan Anh");
        var broken = new List<string>();

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var signIn = await context.NewPageAsync();
            await signIn.GotoAsync(system.Portal.ToString());
            await AuditAsync(signIn, "the sign-in page", broken);
            var page = await system.SignInAsync(context, "vanphong", system.BlocOfficePassword);
            foreach (var path in new[]
                     {
                         "/", "/organisation", "/members", "/members/maturing", "/statistics", "/transfers", "/accounts", "/audit",
                         "/activities", "/activities/calendar", "/ideas", "/board", "/programme-targets", "/reports", "/scoreboard", "/inspections", "/recommendations", "/social-critiques", "/youth-forums", "/evaluations",
                     })
                await VisitAndAuditAsync(page, path, broken);
        }

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop))
        {
            var page = await system.SignInAsync(context, secretary.UserName, secretary.Password);
            foreach (var path in new[]
                     {
                         "/", $"/organisation/units/{unit}", $"/organisation/units/{unit}/evaluations", $"/organisation/units/{unit}/member-accounts",
                         "/members/new", "/members/import", $"/members/{member}", $"/members/{member}/edit", $"/members/{member}/transfer",
                         $"/members/{member}/decisions/leave", "/activities/new", $"/activities/{activity}", $"/board/measures/K03.1?unitId={unit}",
                         "/recommendations", "/account",
                     })
                await VisitAndAuditAsync(page, path, broken);
        }

        await using (var context = await system.Browser.NewContextAsync(PortalBrowser.Phone))
        {
            var page = await system.SignInAsync(context, memberAccount.UserName, memberAccount.Password);
            foreach (var path in new[] { "/", "/my-activities", $"/activities/{activity}/check-in", "/account" })
                await VisitAndAuditAsync(page, path, broken);
        }

        Assert.True(broken.Count == 0, "Pages that break WCAG AA:\n" + string.Join("\n", broken));
    }

    /// <summary>A unit's activity a week from today, which its member can open and check in to.</summary>
    private async Task<Guid> PlanActivityAsync(Guid unit)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(7).ToString("yyyy-MM-dd");
        return await system.PlanActivityAsync(system.Gateway, new
        {
            title = "Ngày hội đọc sách", organiserLevel = "unit", organiserId = unit, kind = "volunteer-activity", startsOn = day,
        });
    }

    private async Task VisitAndAuditAsync(IPage page, string path, List<string> broken)
    {
        await page.GotoAsync(new Uri(system.Portal, path).ToString());
        await AuditAsync(page, path, broken);
    }

    /// <summary>Audits the page once it shows what it loaded: live if it is interactive, no "Đang tải…" left.</summary>
    private static async Task AuditAsync(IPage page, string name, List<string> broken)
    {
        await page.Locator("h1").First.WaitForAsync(new() { Timeout = 30_000 });
        // An interactive page is prerendered with Blazor's markers; its live version is the one people use.
        if (await page.EvaluateAsync<bool>("() => document.documentElement.innerHTML.includes('<!--Blazor:')"))
            await page.WaitLiveAsync();
        await page.Locator("p.loading").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        var result = await page.RunAxe(WcagAa);
        foreach (var rule in result.Violations)
            broken.Add($"{name}: [{rule.Impact}] {rule.Id}: {rule.Help} ({rule.HelpUrl}) on "
                + string.Join(" | ", rule.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html)));
    }
}
