using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sensu.Testing.Processes;

namespace Sensu.Dashboard.Tests;

/// <summary>Helpers the browser tests share: a browser on Debian's chromium, sign-in, axe-core and screenshots.</summary>
internal static class BrowserPages
{
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Directory.CreateDirectory(Screenshots);
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public static async Task<IPage> SignedInPageAsync(IBrowser browser, DashboardSite site, int width, int height)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = site.DashboardUrl.ToString(), ViewportSize = new() { Width = width, Height = height }, IsMobile = width < 600 });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Username").FillAsync(BackendProcess.AdminUsername);
        await page.GetByLabel("Password").FillAsync(BackendProcess.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/n/default/events");
        return page;
    }

    /// <summary>Opens a page and waits until it has loaded its data (its circuit is up).</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("main[data-loaded=yes], main[data-live=on]").WaitForAsync();
    }

    /// <summary>axe-core finds no serious or critical violation.</summary>
    public static async Task AxeAsync(IPage page, string name)
    {
        AxeResult result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("\n", bad));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
}
