using System.Collections.Concurrent;
using System.Text;
using Microsoft.Playwright;

namespace Sensu.Dashboard.Tests;

/// <summary>
/// Issue 20's canary and page acceptance: with the seed guide's secrets in use (an Env secret whose value is a
/// canary in the backend's environment, a handler referencing it, and a VaultProvider whose token is another
/// canary), every page is visited; no response body and no WebSocket frame (the SignalR circuit) carries either
/// canary. Every page is axe-core clean; the main new pages are kept as screenshots at desktop and phone sizes.
/// </summary>
public sealed class PagesCanaryTests
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token;

    [ChromiumFact]
    public async Task No_page_response_or_SignalR_frame_carries_a_secret_value_or_provider_token_and_every_page_is_axe_clean()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var canary = "CANARY-value-" + Guid.NewGuid().ToString("N")[..16];
        var token = "CANARY-token-" + Guid.NewGuid().ToString("N")[..16];
        var doneFile = Path.Combine(Directory.CreateTempSubdirectory("dash-canary-").FullName, "handled");
        await using var site = await DashboardSite.StartAsync(new Dictionary<string, string> { ["SENSU_PAGERDUTY_KEY"] = canary }, _ct);

        // The seed guide's documents, as JSON: the Env secret, the VaultProvider (token: a canary), the handler
        // (no runtime asset here, and a command that only records that it ran).
        await site.SendAsync(HttpMethod.Put, "/api/enterprise/secrets/v1/namespaces/default/secrets/pagerduty_key",
            """{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"pagerduty_key","namespace":"default"},"spec":{"id":"SENSU_PAGERDUTY_KEY","provider":"env"}}""", _ct);
        await site.SendAsync(HttpMethod.Put, "/api/enterprise/secrets/v1/providers/vault",
            $$$"""{"type":"VaultProvider","api_version":"secrets/v1","metadata":{"name":"vault"},"spec":{"client":{"address":"http://127.0.0.1:9","token":"{{{token}}}","version":"v2","max_retries":0,"timeout":"2s" """ + "}}}", _ct);
        await site.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/handlers/pagerduty",
            $$"""{"metadata":{"name":"pagerduty","namespace":"default"},"type":"pipe","command":"touch {{doneFile}}","timeout":10,"secrets":[{"name":"DEDUP_KEY","secret":"pagerduty_key"}]}""", _ct);
        await site.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/checks/disk",
            """{"metadata":{"name":"disk","namespace":"default"},"command":"check-disk","interval":60,"subscriptions":["linux"],"handlers":["pagerduty"],"publish":false}""", _ct);
        await site.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/entities/web-1",
            """{"metadata":{"name":"web-1","namespace":"default","labels":{"api_key":"label-hidden-value","region":"eu"}},"entity_class":"proxy","subscriptions":["linux"]}""", _ct);
        await site.SendAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/silenced",
            """{"metadata":{"namespace":"default"},"subscription":"linux","check":"disk","reason":"disk swap","expire":3600}""", _ct);
        await site.SendAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events",
            """{"entity":{"metadata":{"name":"web-1","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"disk","namespace":"default"},"status":2,"output":"disk full","interval":60,"handlers":["pagerduty"]}}""", _ct);
        while (!File.Exists(doneFile))
            await Task.Delay(50, _ct);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPages.LaunchAsync(playwright);
        var captured = new ConcurrentBag<(string Where, string Text)>();
        var page = await BrowserPages.SignedInPageAsync(browser, site, 1366, 768);
        Capture(page, captured);

        // The secrets page shows the secret in use: resolved for the handler, and who references it.
        await BrowserPages.OpenAsync(page, "/n/default/secrets");
        await Assertions.Expect(page.Locator("#secrets tr[data-name=pagerduty_key] .last-resolved")).ToContainTextAsync("handler pagerduty");
        await Assertions.Expect(page.Locator("#secrets tr[data-name=pagerduty_key] .used-by")).ToContainTextAsync("handler pagerduty");
        await Assertions.Expect(page.Locator("#providers tr[data-name=vault]")).ToContainTextAsync("VaultProvider");

        string[] main = ["entities", "entities/web-1", "checks", "checks/disk", "silences", "secrets"];
        string[] others = ["events", "events/web-1/disk", .. new[] { "handlers", "filters", "mutators", "pipelines", "assets", "namespaces", "users", "roles", "rolebindings", "clusterroles", "clusterrolebindings" }.Select(k => "r/" + k)];
        foreach (var path in main.Concat(others))
        {
            await BrowserPages.OpenAsync(page, "/n/default/" + path);
            await BrowserPages.AxeAsync(page, path);
            if (main.Contains(path))
                await BrowserPages.ScreenshotAsync(page, path.Replace('/', '-') + "-desktop");
        }
        Assert.Contains("REDACTED", await ContentAsync(page, "/n/default/entities/web-1", "#labels"), StringComparison.Ordinal);

        // Execute now: a confirmation of what was issued.
        await BrowserPages.OpenAsync(page, "/n/default/checks/disk");
        await page.Locator("#execute-reason").FillAsync("from the browser test");
        await page.Locator("#execute").ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("Issued check disk to subscriptions linux");

        // A new silence reports what it silences now.
        await BrowserPages.OpenAsync(page, "/n/default/silences");
        await page.Locator("#new-subscription").FillAsync("entity:web-1");
        await page.Locator("#new-reason").FillAsync("rebuilding web-1");
        await page.Locator("#create-silence").ClickAsync();
        await page.Locator("#now-silenced li[data-entity=web-1][data-check=disk]").WaitForAsync();
        await Assertions.Expect(page.Locator("#silences tr[data-name='entity:web-1:*'] .silence-reason")).ToHaveTextAsync("rebuilding web-1");
        await BrowserPages.AxeAsync(page, "silences-after-create");

        // Bulk: select the event, re-run it (an ad hoc request for its entity).
        await BrowserPages.OpenAsync(page, "/n/default/events");
        await page.GetByLabel("Select web-1 / disk").CheckAsync();
        await page.Locator("#bulk-rerun").ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-message")).ToContainTextAsync("1 re-run.");
        await BrowserPages.AxeAsync(page, "events-bulk");

        var phone = await BrowserPages.SignedInPageAsync(browser, site, 390, 844);
        Capture(phone, captured);
        foreach (var path in main)
        {
            await BrowserPages.OpenAsync(phone, "/n/default/" + path);
            await BrowserPages.ScreenshotAsync(phone, path.Replace('/', '-') + "-phone");
        }

        Assert.Contains(captured, c => c.Where.StartsWith("ws", StringComparison.Ordinal) && c.Text.Contains("pagerduty_key", StringComparison.Ordinal));
        Assert.True(captured.Count(c => c.Where.StartsWith("ws", StringComparison.Ordinal)) > 10, "few SignalR frames were captured");
        var leaks = captured.Where(c => c.Text.Contains(canary, StringComparison.Ordinal) || c.Text.Contains(token, StringComparison.Ordinal)).Select(c => c.Where).ToList();
        Assert.True(leaks.Count == 0, "a canary appeared in: " + string.Join(", ", leaks));
        Assert.DoesNotContain(captured, c => c.Text.Contains("label-hidden-value", StringComparison.Ordinal));
    }

    /// <summary>Every response body and every WebSocket frame of the page, sent or received (binary frames read as UTF-8: SignalR's MessagePack keeps strings as UTF-8).</summary>
    private static void Capture(IPage page, ConcurrentBag<(string, string)> captured)
    {
        page.Response += async (_, response) =>
        {
            try
            {
                captured.Add(("http " + response.Url, Encoding.UTF8.GetString(await response.BodyAsync())));
            }
            catch (PlaywrightException)
            {
                // Redirects and aborted navigations have no body.
            }
        };
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => captured.Add(("ws in " + socket.Url, frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? [])));
            socket.FrameSent += (_, frame) => captured.Add(("ws out " + socket.Url, frame.Text ?? Encoding.UTF8.GetString(frame.Binary ?? [])));
        };
    }

    private static async Task<string> ContentAsync(IPage page, string path, string selector)
    {
        await BrowserPages.OpenAsync(page, path);
        return await page.Locator(selector).InnerTextAsync();
    }
}
