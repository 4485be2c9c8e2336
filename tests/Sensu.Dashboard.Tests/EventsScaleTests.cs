using Xunit.Abstractions;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Sensu.Dashboard.Tests;

/// <summary>
/// Issue 20's scale figures, measured in the browser with 10,000 events in the store: the time from navigation to the
/// events page being interactive (a first row visible and a filter control enabled) and from the POST of a failing
/// event to its row appearing. Printed to the test output; no timed assertion (the machine is shared).
/// </summary>
public sealed class EventsScaleTests(ITestOutputHelper output)
{
    private const int Events = 10_000;
    private const int Failing = 50;
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(10)).Token;

    [ChromiumFact]
    public async Task With_ten_thousand_events_the_page_becomes_interactive_and_a_new_failure_appears_live()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var site = await DashboardSite.StartAsync(_ct);
        var seeding = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Events, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = _ct }, async (i, ct) =>
        {
            var status = i < Failing ? 2 : 0;
            var json = string.Create(CultureInfo.InvariantCulture,
                $$$"""{"entity":{"metadata":{"name":"host-{{{i / 10:D4}}}","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"check-{{{i % 10}}}","namespace":"default"},"status":{{{status}}},"output":"seeded {{{i}}}","interval":60}}""");
            await site.SendAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events", json, ct);
        });
        while (await CountAsync(site) < Events)
            await Task.Delay(500, _ct);
        output.WriteLine($"seeded {Events} events ({Failing} failing) through the API in {seeding.Elapsed.TotalSeconds:F1}s");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserPages.LaunchAsync(playwright);
        var page = await BrowserPages.SignedInPageAsync(browser, site, 1366, 768);
        await page.Locator("main[data-live=on]").WaitForAsync();

        // Navigation to interactive: performance.now() counts from the navigation's start.
        await page.GotoAsync("/n/default/events", new() { WaitUntil = WaitUntilState.Commit });
        var interactive = await (await page.WaitForFunctionAsync(
            """() => { const row = document.querySelector('tr[data-entity]'); const filter = document.querySelector('#f-status'); return row && filter && !filter.disabled && row.offsetParent !== null && document.querySelector('main[data-live=on]') ? performance.now() : null; }""",
            null, new() { PollingInterval = 5 })).JsonValueAsync<double>();
        Assert.Equal("2", await page.Locator("tbody tr").First.GetAttributeAsync("data-status"));

        // POST to row, in the page's own clock (the row sorts first among the failing events).
        await page.Locator("main[data-live=on]").WaitForAsync();
        var before = await page.EvaluateAsync<double>("() => performance.now()");
        await site.SendAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/events",
            """{"entity":{"metadata":{"name":"aaa-live","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"disk","namespace":"default"},"status":2,"output":"disk full","interval":60}}""", _ct);
        double seen;
        try
        {
            seen = await (await page.WaitForFunctionAsync("""() => document.querySelector('tr[data-entity="aaa-live"]') ? performance.now() : null""",
                null, new() { PollingInterval = 5, Timeout = 120_000 })).JsonValueAsync<double>();
        }
        finally
        {
            await BrowserPages.ScreenshotAsync(page, "events-10000-desktop");
        }

        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg", _ct)).Trim() : "unknown";
        output.WriteLine($"events page, navigation to interactive (first row visible, filter enabled): {interactive:F0} ms");
        output.WriteLine($"failing event POST to its row appearing: {seen - before:F0} ms");
        output.WriteLine($"load average at the time: {load}");
        Console.WriteLine($"[EventsScale] interactive {interactive:F0} ms; live update {seen - before:F0} ms; loadavg {load}");
    }

    private static async Task<int> CountAsync(DashboardSite site)
    {
        var list = await site.Admin.GetFromJsonAsync<JsonArray>("/api/core/v2/namespaces/default/events");
        return list?.Count ?? 0;
    }
}
