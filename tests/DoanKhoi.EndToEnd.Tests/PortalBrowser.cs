using Microsoft.Playwright;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>A person at the portal in a real browser: a desktop in the office or a member's phone,
/// signing in on the identity service's page as they would. Screenshots go to artifacts/screenshots
/// at the top of the checkout, for a reader to look at.</summary>
public static class PortalBrowser
{
    public static BrowserNewContextOptions Desktop => new()
    {
        Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new() { Width = 1280, Height = 800 },
    };

    /// <summary>A 360 px wide phone, the narrowest the portal is made for.</summary>
    public static BrowserNewContextOptions Phone => new()
    {
        Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new() { Width = 360, Height = 740 },
        IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
    };

    /// <summary>Opens the portal, signs in on the sign-in page it sends to, and waits to be back at the portal.</summary>
    public static async Task<IPage> SignInAsync(this DoanKhoiSystem system, IBrowserContext context, string userName, string password, string path = "/")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(system.Portal, path).ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(system.Portal.ToString().TrimEnd('/'), StringComparison.Ordinal)
            && !url.Contains("/signin-oidc", StringComparison.Ordinal), new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>Saves the whole page as artifacts/screenshots/<paramref name="name"/>.png.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Waits until the interactive page at the present address is live (connected to the server, not
    /// only prerendered): its marker names the page, so the marker of the page a link was followed from does
    /// not count. After following a link, wait for the new address first.</summary>
    public static Task WaitLiveAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('.interactive-ready')].some(m => m.dataset.page === location.pathname)",
            null, new() { Timeout = 30_000 });

    /// <summary>The choices of the select or autocomplete that is open (MudBlazor shows them in a popover).</summary>
    public static ILocator Choices(IPage page) => page.Locator(".mud-popover-open .mud-list-item");

    /// <summary>True when nothing of the page lies beyond the right edge of the window.</summary>
    public static Task<bool> FitsTheWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "DoanKhoi.sln"))) return folder.FullName;
        return AppContext.BaseDirectory;
    }

    /// <summary>Clicks an export link ("Xuất CSV") and reads the downloaded CSV's lines.</summary>
    public static async Task<string[]> DownloadLinesAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync(), new() { Timeout = 60_000 });
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
