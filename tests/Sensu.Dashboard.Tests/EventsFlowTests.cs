using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sensu.Testing.Processes;

namespace Sensu.Dashboard.Tests;

/// <summary>The issue's browser acceptance: sign in, a failing event appears live, its history, silence, resolve; a view user sees and changes nothing more.</summary>
public sealed class EventsFlowTests
{
    private const string ViewerPassword = "viewer-P@ss1";
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(4)).Token;
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [ChromiumFact]
    public async Task Sign_in_watch_a_failure_arrive_silence_and_resolve_it_and_a_viewer_can_do_nothing_more()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var site = await DashboardSite.StartAsync(_ct);
        await site.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/other", """{"name":"other"}""", _ct);
        await site.SendAsync(HttpMethod.Post, "/api/core/v2/users", $$"""{"username":"viewer","password":"{{ViewerPassword}}","groups":[]}""", _ct);
        await site.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/rolebindings/viewer-view",
            """{"metadata":{"name":"viewer-view","namespace":"default"},"role_ref":{"type":"ClusterRole","name":"view"},"subjects":[{"type":"User","name":"viewer"}]}""", _ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(Screenshots);
        var context = await browser.NewContextAsync(new() { BaseURL = site.DashboardUrl.ToString(), ViewportSize = new() { Width = 1366, Height = 768 } });
        var page = await context.NewPageAsync();

        // Unauthenticated: sent to sign-in.
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/signin**");
        await CheckPageAsync(page, "signin");
        await SignInAsync(page, BackendProcess.AdminUsername, BackendProcess.AdminPassword);
        await page.WaitForURLAsync("**/n/default/events");
        await page.Locator("main[data-live=on]").WaitForAsync();

        // A failing event posted to the API appears without a reload.
        await site.SendAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events",
            """{"entity":{"metadata":{"name":"web-1","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"disk","namespace":"default"},"status":2,"output":"disk /var is 97% full","interval":60}}""", _ct);
        var row = page.Locator("tr[data-entity=web-1][data-check=disk]");
        await row.WaitForAsync();
        Assert.Equal("2", await row.GetAttributeAsync("data-status"));
        await CheckPageAsync(page, "events");

        // Its history and output.
        await row.GetByRole(AriaRole.Link, new() { Name = "disk" }).ClickAsync();
        await page.Locator("#history").WaitForAsync();
        Assert.Contains("97% full", await page.Locator("#event-output").InnerTextAsync());
        Assert.Contains("Critical", await page.Locator("#history").InnerTextAsync());
        await page.Locator("main[data-live=on]").WaitForAsync();

        // Silence it with a reason; the reason, creator and expiry show.
        await page.Locator("#silence-reason").FillAsync("replacing the disk");
        await page.Locator("#silence").ClickAsync();
        await Assertions.Expect(page.Locator("#silences .silence-reason")).ToHaveTextAsync("replacing the disk");
        Assert.Contains(BackendProcess.AdminUsername, await page.Locator("#silences").InnerTextAsync());
        await CheckPageAsync(page, "event-detail");

        // Resolve it.
        await page.Locator("#resolve").ClickAsync();
        await Assertions.Expect(page.Locator("#event-status")).ToContainTextAsync("OK");
        await Assertions.Expect(page.Locator("#event-output")).ToContainTextAsync("Resolved manually by admin");

        // Phone size.
        var phone = await browser.NewContextAsync(new() { BaseURL = site.DashboardUrl.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var small = await phone.NewPageAsync();
        await small.GotoAsync("/signin");
        await small.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "signin-phone.png"), FullPage = true });
        await SignInAsync(small, BackendProcess.AdminUsername, BackendProcess.AdminPassword);
        await small.Locator("tr[data-entity=web-1]").WaitForAsync();
        await small.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "events-phone.png"), FullPage = true });
        await small.GotoAsync("/n/default/events/web-1/disk");
        await small.Locator("#history").WaitForAsync();
        await small.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "event-detail-phone.png"), FullPage = true });
        await phone.CloseAsync();

        // Sign-out ends the session: the old page is sent back to sign-in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/signin**");
        await page.GotoAsync("/n/default/events");
        await page.WaitForURLAsync("**/signin**");

        // The viewer: one namespace, no buttons.
        await SignInAsync(page, "viewer", ViewerPassword);
        await page.WaitForURLAsync("**/n/default/events");
        await page.Locator("tr[data-entity=web-1]").WaitForAsync();
        var options = await page.Locator("#namespace-switcher option").AllInnerTextsAsync();
        Assert.Equal(["default"], options);
        await page.GotoAsync("/n/default/events/web-1/disk");
        await page.Locator("#history").WaitForAsync();
        Assert.Equal(0, await page.Locator("#resolve, #silence, #delete").CountAsync());
        await page.GotoAsync("/n/other/events");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("may not see the events of namespace other");
        await CheckPageAsync(page, "events-denied");
    }

    private static async Task SignInAsync(IPage page, string username, string password)
    {
        if (!page.Url.Contains("/signin", StringComparison.Ordinal))
            await page.GotoAsync("/signin");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>axe-core finds no serious or critical violation; a desktop screenshot is kept.</summary>
    private static async Task CheckPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + "-desktop.png"), FullPage = true });
        AxeResult result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("\n", bad));
    }
}
