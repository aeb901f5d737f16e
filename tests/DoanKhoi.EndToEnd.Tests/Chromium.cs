using Microsoft.Playwright;

namespace DoanKhoi.EndToEnd.Tests;

/// <summary>Headless Chromium from Debian's package (eng/prerequisites.sh installs it), driven by
/// Playwright: its own browser download is not reachable here, so it is given the executable.
/// One browser for the test run; each test opens its own context (cookies, storage) and pages.</summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>The executable: DOANKHOI_CHROMIUM, else Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("DOANKHOI_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A fresh browser context, as a new visitor with nothing stored.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                if (!File.Exists(ExecutablePath))
                    throw new InvalidOperationException($"No Chromium at {ExecutablePath}: run eng/prerequisites.sh (it installs Debian's chromium) or set DOANKHOI_CHROMIUM.");
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                });
            }
        }
        finally
        {
            _gate.Release();
        }
        return await _browser.NewContextAsync(options ?? new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
