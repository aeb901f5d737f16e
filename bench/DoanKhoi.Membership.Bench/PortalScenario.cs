using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using DoanKhoi.Testing;
using Microsoft.Playwright;

namespace DoanKhoi.Membership.Bench;

/// <summary>The portal in a real browser (Debian's Chromium, headless) for a unit's secretary whose unit has
/// <c>--portal</c> members (500): how long the member list and the evaluation grid of the whole unit take
/// from asking for the page to its rows on screen, the member list both on its first page (50) and at
/// 200 a page, the grid with every member. A member's own record on a phone is timed beside them.</summary>
public static class PortalScenario
{
    private const string Password = "matkhau-bench-2026";

    public static async Task<List<Figures>> MeasureAsync(BenchSystem system, int members, int runs)
    {
        var (unit, firstMember) = await UnitWithMembersAsync(system, members);
        var userName = $"bt{Guid.NewGuid():N}"[..12];
        await Eventually.Until(
            () => system.Gateway.PostAsJsonAsync("/api/identity/accounts", new { userName, displayName = "Bí thư đo thời gian", password = Password, posts = new[] { $"unit-secretary@unit:{unit}" } }),
            r => r.StatusCode == System.Net.HttpStatusCode.Created, TimeSpan.FromSeconds(30), "the secretary's account");

        await SettleAsync();

        var executable = Environment.GetEnvironmentVariable("DOANKHOI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
        await using var desktop = await browser.NewContextAsync(new() { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await desktop.NewPageAsync();
        await SignInAsync(page, system.Portal, userName);

        var figures = new List<Figures>
        {
            await TimeAsync($"member list, first page (50 of {members})", page, new Uri(system.Portal, $"/members?unitId={unit}"),
                p => p.Locator(".mud-table-body tr").Nth(49).WaitForAsync(new() { Timeout = 30_000 }), runs),
            // The rows come with the page; its filters and pager answer once the page is live.
            await TimeAsync($"member list, first page (50 of {members}), live", page, new Uri(system.Portal, $"/members?unitId={unit}"),
                async p =>
                {
                    await p.Locator(".mud-table-body tr").Nth(49).WaitForAsync(new() { Timeout = 30_000 });
                    await LiveAsync(p);
                }, runs),
            await TimeAsync($"evaluation grid, the whole unit ({members} rows)", page, new Uri(system.Portal, $"/organisation/units/{unit}/evaluations"),
                p => p.Locator(".evaluation-grid tbody tr").Nth(members - 1).WaitForAsync(new() { Timeout = 30_000 }), runs),
            await TimeAsync($"evaluation grid, the whole unit ({members} rows), live", page, new Uri(system.Portal, $"/organisation/units/{unit}/evaluations"),
                async p =>
                {
                    await p.Locator(".evaluation-grid tbody tr").Nth(members - 1).WaitForAsync(new() { Timeout = 30_000 });
                    await LiveAsync(p);
                }, runs),
        };

        // A member's own record is server-rendered for a phone: timed for the secretary, who sees the same page.
        await using var phone = await browser.NewContextAsync(new()
        {
            Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true,
        });
        var phonePage = await phone.NewPageAsync();
        await SignInAsync(phonePage, system.Portal, userName);
        figures.Add(await TimeAsync("a member's record on a 360 px phone", phonePage, new Uri(system.Portal, $"/members/{firstMember}"),
            p => p.Locator("ol.history li").First.WaitForAsync(new() { Timeout = 30_000 }), runs));
        return figures;
    }

    /// <summary>Waits until the page is live: connected to the server and answering (its marker names it).</summary>
    private static Task LiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('.interactive-ready')].some(m => m.dataset.page === location.pathname)",
            null, new() { Timeout = 30_000 });

    /// <summary>Waits (at most three minutes) for the system to finish the 500 members' events in every
    /// service, so that the pages are timed on a quiet machine, as a secretary's morning is.</summary>
    private static async Task SettleAsync()
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(3) && double.Parse(Machine.LoadAverage().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) > 2.0)
            await Task.Delay(TimeSpan.FromSeconds(5));
        Console.WriteLine($"==> settled after {waited.Elapsed.TotalSeconds:0} s, load average {Machine.LoadAverage()}");
    }

    public static void Print(IEnumerable<Figures> figures, TextWriter output)
    {
        output.WriteLine($"  {"page",-72} {"count",5} {"median",8} {"p95",8} {"max",8}  load at start");
        foreach (var f in figures)
            output.WriteLine($"  {f.Query,-72} {f.Count,5} {f.Median,5:0} ms {f.P95,5:0} ms {f.Max,5:0} ms  {f.Load}");
        output.WriteLine("  (ms in headless Chromium: from asking for the page to its last row on screen, and for \"live\" also connected and answering; target ≤ 1,000 ms for 500 members)");
    }

    /// <summary>Opens <paramref name="url"/> <paramref name="runs"/> times after three to warm up, each time
    /// until <paramref name="shown"/> holds.</summary>
    private static async Task<Figures> TimeAsync(string name, IPage page, Uri url, Func<IPage, Task> shown, int runs)
    {
        var load = Machine.LoadAverage();
        var times = new List<double>();
        var failures = 0;
        for (var i = 0; i < runs + 3; i++)
        {
            await page.GotoAsync("about:blank");
            var clock = Stopwatch.StartNew();
            try
            {
                await page.GotoAsync(url.ToString(), new() { WaitUntil = WaitUntilState.Commit });
                await shown(page);
                if (i >= 3) times.Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                failures++;
            }
        }
        return Figures.Of(name, url.PathAndQuery, times, failures, "", load);
    }

    private static async Task SignInAsync(IPage page, Uri portal, string userName)
    {
        await page.GotoAsync(portal.ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(portal.ToString().TrimEnd('/'), StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
    }

    /// <summary>A new unit of the demo organisation with <paramref name="members"/> members, recorded through the API.</summary>
    private static async Task<(Guid Unit, Guid FirstMember)> UnitWithMembersAsync(BenchSystem system, int members)
    {
        var code = $"B{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var clusters = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/membership/clusters");
        var cluster = clusters.EnumerateArray().First().GetProperty("id").GetGuid();
        var created = await system.Gateway.PostAsJsonAsync("/api/membership/units", new { code, name = "Đoàn TN Sở Đo lường", kind = "agency", clusterId = cluster });
        created.EnsureSuccessStatusCode();
        var unit = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var people = new People(new Random(20261126), DateOnly.FromDateTime(DateTime.UtcNow));
        var persons = Enumerable.Range(0, members).Select(people.Next).ToList();
        var ids = new Guid[members];
        await Parallel.ForAsync(0, members, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var person = persons[i];
            var response = await system.Gateway.PostAsJsonAsync($"/api/membership/units/{unit}/members", new
            {
                fullName = person.Name, dateOfBirth = person.Born, gender = person.Female ? "female" : "male", ethnicity = person.Ethnicity,
                citizenId = person.CitizenId, joinedUnionOn = person.Joined,
            }, ct);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"member {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        });
        return (unit, ids[0]);
    }
}
