using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>The board of the year's targets in a real browser: the bloc office follows the bloc's figures
/// day by day and sets a year's goals; a secretary lands on their unit's board and opens what a figure
/// counts; a phone shows the board without scrolling sideways. The figures come from activities held
/// through the activities API, counted by reporting from their events.</summary>
[Collection(nameof(DoanKhoiSystem))]
public class PortalBoardTests(DoanKhoiSystem system)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A tree planting held on <paramref name="day"/> with <paramref name="trees"/> trees, by the bloc or a unit.</summary>
    private async Task<Guid> PlantTreesAsync(HttpClient organiser, string title, DateOnly day, int trees, Guid? unit = null)
    {
        var activity = await system.PlanActivityAsync(organiser, new
        {
            title, organiserLevel = unit is null ? "bloc" : "unit", organiserId = unit, kind = "tree-planting", startsOn = Iso(day),
        });
        (await organiser.PutAsJsonAsync($"/api/activities/activities/{activity}/outcome", new
        {
            quantities = new[] { new { code = "trees-planted", value = trees } }, flags = Array.Empty<string>(),
        })).EnsureSuccessStatusCode();
        return activity;
    }

    /// <summary>A measure's value on the board, as the API gives it to <paramref name="client"/>.</summary>
    private static async Task<decimal> FigureAsync(HttpClient client, string measure, DateOnly asOf, string? node = null)
    {
        var board = await client.GetFromJsonAsync<JsonElement>($"/api/reporting/board?year={asOf.Year}&asOf={Iso(asOf)}{node}");
        var figure = board.GetProperty("targets").EnumerateArray().SelectMany(t => t.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == measure);
        return figure.GetProperty("value").ValueKind == JsonValueKind.Number ? figure.GetProperty("value").GetDecimal() : 0;
    }

    private static string Number(decimal value) => value.ToString("#,##0.##", Vietnamese);

    [Fact]
    public async Task The_bloc_office_follows_the_targets_day_by_day_and_sets_a_years_goals()
    {
        await system.ThisYearHasAProgrammeAsync();
        // Two days ago (the tests of other pages plant trees today), and the day before it.
        var day = Today.DayOfYear > 2 ? Today.AddDays(-2) : Today;
        var before = day.AddDays(-1);
        await PlantTreesAsync(system.Gateway, "Tết trồng cây tại khu di tích Chi Lăng", day, 37);
        // Polled once a second: the bloc office's requests a minute are limited, and the portal makes its own.
        var (onDay, onDayBefore) = await Eventually.Until(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return (await FigureAsync(system.Gateway, "K03.1", day), await FigureAsync(system.Gateway, "K03.1", before));
            },
            f => f.Item1 - f.Item2 >= 37, TimeSpan.FromSeconds(60), "the board counting the trees planted");

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, "vanphong", system.BlocOfficePassword, "/board");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".board-node")).ToHaveTextAsync("Đoàn Khối", new() { Timeout = 30_000 });
        var targets = page.Locator(".target-title .target-code");
        await Expect(targets).ToHaveTextAsync(Enumerable.Range(1, 14).Select(k => $"K{k:00}").ToArray(), new() { Timeout = 30_000 });
        await Expect(page.Locator(".chart").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "So sánh giữa các cụm thi đua" })).ToBeVisibleAsync();

        // The same figure on the day of the planting and on the day before.
        var asOf = page.GetByLabel("Tính đến ngày (dd/MM/yyyy)");
        var trees = page.Locator("[data-measure='K03.1'] .measure-value");
        await asOf.FillAsync(Shown(day));
        await asOf.PressAsync("Tab");
        await Expect(page.Locator(".board-subtitle")).ToContainTextAsync($"tính đến ngày {Shown(day)}", new() { Timeout = 30_000 });
        await Expect(trees).ToHaveTextAsync(Number(onDay));
        await asOf.FillAsync(Shown(before));
        await asOf.PressAsync("Tab");
        await Expect(page.Locator(".board-subtitle")).ToContainTextAsync($"tính đến ngày {Shown(before)}", new() { Timeout = 30_000 });
        await Expect(trees).ToHaveTextAsync(Number(onDayBefore));
        // The board downloads as it stands on the day chosen: the day before's trees in its K03.1 row.
        var lines = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.StartsWith("Chỉ tiêu,Mã,Nội dung", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("K03,K03.1,") && l.Contains($",{onDayBefore.ToString(CultureInfo.InvariantCulture)},"));
        await page.ScreenshotAsync("board-bloc-office");

        // A later year's programme: copied from 2023's, then a goal raised, with the reason kept.
        var year = 2090 + Random.Shared.Next(10);
        await page.GotoAsync(new Uri(system.Portal, "/programme-targets?year=2023").ToString());
        await page.WaitLiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sao chép sang năm sau" }).ClickAsync(new() { Timeout = 30_000 });
        await page.GetByLabel("Sao chép sang năm", new() { Exact = true }).FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sao chép", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Chỉ tiêu năm {year}" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sửa chỉ tiêu" }).ClickAsync();
        await page.GetByLabel("Chỉ tiêu K03.1 (tối thiểu)").FillAsync("5000");
        await page.GetByLabel("Lý do thay đổi").FillAsync("Nghị quyết Ban Thường vụ: tăng chỉ tiêu trồng cây");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(page.Locator("[data-measure='K03.1'] .measure-goal")).ToHaveTextAsync("≥ 5.000", new() { Timeout = 30_000 });
        await Expect(page.Locator(".revisions li").First).ToContainTextAsync("K03.1: ≥ 4.500 → ≥ 5.000");
        await Expect(page.Locator(".revisions li").First).ToContainTextAsync("Nghị quyết Ban Thường vụ: tăng chỉ tiêu trồng cây");

        // Only the goal changed: the rest of the programme went back as it was.
        var original = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/reporting/programmes/2023")).GetProperty("programme");
        var changed = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/reporting/programmes/{year}")).GetProperty("programme");
        Assert.Equal(5000, changed.GetProperty("targets")[2].GetProperty("measures")[0].GetProperty("goal").GetProperty("atLeast").GetDecimal());
        Assert.Equal(original.GetProperty("reports").GetArrayLength(), changed.GetProperty("reports").GetArrayLength());
        Assert.Equal(original.GetProperty("figures").GetArrayLength(), changed.GetProperty("figures").GetArrayLength());
        Assert.Equal(original.GetProperty("targets")[1].GetProperty("measures")[1].GetProperty("count").GetRawText(),
            changed.GetProperty("targets")[1].GetProperty("measures")[1].GetProperty("count").GetRawText());
    }

    [Fact]
    public async Task A_secretary_lands_on_their_units_board_and_opens_what_a_figure_counts()
    {
        await system.ThisYearHasAProgrammeAsync();
        var unitName = $"Đoàn TN Sở Nông nghiệp {Guid.NewGuid():N}"[..32];
        var (_, unit) = await system.CreateUnitAsync(unitName);
        var secretary = await system.CreateAccountAsync($"unit-secretary@unit:{unit}", "Bí thư Sở Nông nghiệp");
        var asSecretary = system.WithToken((await system.SignInAsync(secretary.UserName, secretary.Password)).AccessToken!);
        await PlantTreesAsync(asSecretary, "Trồng cây phòng hộ đầu nguồn", Today, 12, unit);
        await Eventually.Until(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return await FigureAsync(asSecretary, "K03.1", Today, $"&unitId={unit}") == 12;
            }, TimeSpan.FromSeconds(60), "the unit's board counting its trees");

        await using var context = await system.Browser.NewContextAsync(PortalBrowser.Desktop);
        var page = await system.SignInAsync(context, secretary.UserName, secretary.Password, "/board");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".board-node")).ToHaveTextAsync(unitName, new() { Timeout = 30_000 });
        var trees = page.Locator("[data-measure='K03.1'] a.measure-value");
        await Expect(trees).ToHaveTextAsync("12");
        await Expect(page.Locator("[data-measure='K03.1'] .status-chip")).ToHaveTextAsync("Đóng góp");

        // The figure opens the activities it counts, with their trees.
        await trees.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/board/measures/K03.1", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await page.WaitLiveAsync();
        var row = page.Locator(".records-grid tr", new() { HasText = "Trồng cây phòng hộ đầu nguồn" });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row).ToContainTextAsync("12");
        await Expect(row).ToContainTextAsync(Shown(Today));
        await page.ScreenshotAsync("board-measure-records");
        // The list downloads with the same rows.
        var lines = await PortalBrowser.DownloadLinesAsync(page, "Xuất CSV");
        Assert.Equal("Loại,Tên,Đơn vị,Ngày,Số lượng,Xếp loại", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Hoạt động,Trồng cây phòng hộ đầu nguồn,") && l.Contains($",{Shown(Today)},12,"));

        // A measure over each unit lists the unit as missing while it has no model or solution.
        await page.GotoAsync(new Uri(system.Portal, $"/board/measures/K02.1?unitId={unit}").ToString());
        await page.WaitLiveAsync();
        await page.Locator(".mud-tab", new() { HasText = "Chưa đạt" }).ClickAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator(".missing-table")).ToContainTextAsync(unitName, new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_board_and_the_targets_fit_a_phone()
    {
        await system.ThisYearHasAProgrammeAsync();
        await using var phone = await system.Browser.NewContextAsync(PortalBrowser.Phone);
        var page = await system.SignInAsync(phone, "vanphong", system.BlocOfficePassword, "/board");
        await page.WaitLiveAsync();
        await Expect(page.Locator(".target-title")).ToHaveCountAsync(14, new() { Timeout = 30_000 });
        await Expect(page.Locator(".compare-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.FitsTheWidthAsync());
        await page.ScreenshotAsync("board-phone");

        await page.GotoAsync(new Uri(system.Portal, "/programme-targets").ToString());
        await Expect(page.Locator(".calendar-table")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.FitsTheWidthAsync());
    }
}
