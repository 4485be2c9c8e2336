using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Apid;
using Sensu.Store;

namespace Sensu.Backend.Tests.Apid.Selectors;

/// <summary>
/// Issue 17 point 5: selectors evaluated in the store where it can. Every list answers the same with the store
/// filter as with the in-memory baseline (the filter dropped, every row read), per type and operator, whole and paged;
/// the store receives a filter for what it can apply, and none for what it cannot say exactly.
/// </summary>
public sealed class SelectorPushdownApiTests(SelectorBackendFixture fixture) : IClassFixture<SelectorBackendFixture>
{
    private HttpClient Client => fixture.Client;

    public static TheoryData<string, string> EventSelectors() => new()
    {
        { "field", "event.entity.name == web-1" },
        { "field", "event.entity.name != web-1" },
        { "field", "event.entity.name in [web-1, db-2, nobody]" },
        { "field", "event.entity.name notin [web-1, db-2]" },
        { "field", "event.check.name == cpu" },
        { "field", "event.check.name != cpu" },
        { "field", "event.check.name in [cpu, ping]" },
        { "field", "event.check.name in [cpu]" },
        { "field", "event.check.name notin [cpu, ping]" },
        { "field", "event.check.status == 2" },
        { "field", "event.check.status == 0" },
        { "field", "event.check.status != 0" },
        { "field", "event.check.status in [1, 2]" },
        { "field", "event.check.status notin [0, 1]" },
        { "field", "event.labels.region == ap" },
        { "field", "event.labels.tier in [web, proxy]" },
        { "field", "event.labels.team != ops" },
        { "field", "event.entity.name matches web" },
        { "field", "event.check.status != 0 && event.entity.name in [web-1, web-2, db-1]" },
        { "label", "region == eu" },
        { "label", "region == ap" },
        { "label", "region in [eu, ap]" },
        { "label", "region != us" },
        { "label", "region notin [eu]" },
        { "label", "team == ops" },
        { "label", "password == hunter2" },
        { "label", "password == REDACTED" },
        { "label", "tier == db && region == us" },
    };

    public static TheoryData<string, string, string> ResourceSelectors() => new()
    {
        { "checks", "field", "check.name == cpu" },
        { "checks", "field", "check.name != cpu" },
        { "checks", "field", "check.name in [cpu, iis, nothing]" },
        { "checks", "field", "check.name notin [cpu, iis]" },
        { "checks", "field", "check.labels.region == eu" },
        { "checks", "field", "check.labels.region in [eu, ap]" },
        { "checks", "field", "check.labels.region != eu" },
        { "checks", "field", "linux in check.subscriptions" },
        { "checks", "label", "region == us" },
        { "checks", "label", "region in [us, ap]" },
        { "checks", "label", "region notin [us]" },
        { "entities", "field", "entity.name == web-1" },
        { "entities", "field", "entity.name notin [web-1]" },
        { "entities", "label", "tier == web" },
        { "entities", "label", "password == hunter2" },
        { "entities", "label", "password == REDACTED" },
        { "entities", "field", "entity.labels.password == REDACTED" },
    };

    private static string Query(string kind, string selector) =>
        (kind == "label" ? ApiRequestContext.LabelSelectorParameter : ApiRequestContext.FieldSelectorParameter) + "=" + Uri.EscapeDataString(selector);

    /// <summary>The items of a list, whole (limit 0) or page after page, and the size of every page.</summary>
    private async Task<(List<string> Names, List<int> Pages)> ListAsync(string path, string query, Func<JsonNode, string> name, int limit)
    {
        var names = new List<string>();
        var pages = new List<int>();
        string? token = null;
        do
        {
            var url = $"{path}?{query}" + (limit > 0 ? $"&limit={limit}" : "") + (token is null ? "" : $"&continue={Uri.EscapeDataString(token)}");
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            names.AddRange(items.Select(n => name(n!)));
            pages.Add(items.Count);
            token = response.Headers.TryGetValues(ApiRequestContext.ContinueHeader, out var values) ? values.Single() : null;
            Assert.True(pages.Count < 50, "paging does not end");
        }
        while (token is not null);
        return (names, pages);
    }

    private static string EventName(JsonNode n) =>
        $"{n["metadata"]!["namespace"]}/{n["entity"]!["metadata"]!["name"]}/{n["check"]!["metadata"]!["name"]}";

    private static string ResourceName(JsonNode n) => n["metadata"]!["name"]!.GetValue<string>();

    /// <summary>With a limit, every page but the last is full; the last may be empty only when it is not the first.</summary>
    private static void AssertFullPages(List<int> pages, int limit)
    {
        for (var i = 0; i < pages.Count - 1; i++)
            Assert.Equal(limit, pages[i]);
        Assert.InRange(pages[^1], pages.Count == 1 ? 0 : 0, limit);
    }

    private async Task<List<string>> BaselineAsync(Func<Task<List<string>>> list, Action<bool> pushDown)
    {
        pushDown(false);
        try
        {
            return await list();
        }
        finally
        {
            pushDown(true);
        }
    }

    [Theory]
    [MemberData(nameof(EventSelectors))]
    public async Task Event_lists_answer_as_the_in_memory_baseline_whole_and_paged(string kind, string selector)
    {
        var query = Query(kind, selector);
        foreach (var path in new[] { "/api/core/v2/namespaces/default/events", "/api/core/v2/events", "/api/core/v2/namespaces/default/events/web-1" })
        {
            var baseline = await BaselineAsync(async () => (await ListAsync(path, query, EventName, 0)).Names, on => fixture.Events.PushDown = on);
            var (whole, _) = await ListAsync(path, query, EventName, 0);
            Assert.Equal(baseline, whole);
            foreach (var limit in new[] { 1, 2, SelectorBackendFixture.ChunkSize + 1 })
            {
                var (paged, pages) = await ListAsync(path, query, EventName, limit);
                Assert.Equal(baseline, paged);
                AssertFullPages(pages, limit);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ResourceSelectors))]
    public async Task Resource_lists_answer_as_the_in_memory_baseline_whole_and_paged(string collection, string kind, string selector)
    {
        var query = Query(kind, selector);
        var path = $"/api/core/v2/namespaces/default/{collection}";
        var baseline = await BaselineAsync(async () => (await ListAsync(path, query, ResourceName, 0)).Names, on => fixture.Resources.PushDown = on);
        var (whole, _) = await ListAsync(path, query, ResourceName, 0);
        Assert.Equal(baseline, whole);
        foreach (var limit in new[] { 1, 2, SelectorBackendFixture.ChunkSize + 1 })
        {
            var (paged, pages) = await ListAsync(path, query, ResourceName, limit);
            Assert.Equal(baseline, paged);
            AssertFullPages(pages, limit);
        }
    }

    [Theory]
    [InlineData("field", "event.entity.name == web-1", "default/web-1/cpu,default/web-1/disk,default/web-1/ping")]
    [InlineData("field", "event.check.status != 0 && event.check.name == ping", "default/db-1/ping,default/proxy/ping,default/web-1/ping,default/web-2/ping")]
    [InlineData("label", "region == ap", "default/db-1/disk,default/db-2/disk,default/proxy/disk,default/web-1/disk,default/web-2/disk")]
    [InlineData("label", "password == hunter2", "")]
    [InlineData("label", "password == REDACTED", "default/web-1/cpu,default/web-1/disk,default/web-1/ping")]
    public async Task Event_selections_are_the_expected_events(string kind, string selector, string expected)
    {
        var (names, _) = await ListAsync("/api/core/v2/namespaces/default/events", Query(kind, selector), EventName, 0);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names);
    }

    [Theory]
    [InlineData("field", "event.entity.name == web-1", "EventEntity")]
    [InlineData("field", "event.check.name notin [cpu, disk]", "EventCheck")]
    [InlineData("field", "event.check.status != 0", "EventCheckStatus")]
    [InlineData("label", "region in [eu, ap]", "Label")]
    [InlineData("field", "event.labels.region == ap", "Label")]
    [InlineData("field", "event.entity.name matches web", "")]
    [InlineData("field", "web-1 in event.entity.name", "")]
    [InlineData("label", "region != us", "")]
    [InlineData("label", "password == REDACTED", "")]
    public async Task The_event_store_gets_the_parts_it_can_apply(string kind, string selector, string field)
    {
        fixture.Events.Filters.Clear();
        await ListAsync("/api/core/v2/namespaces/default/events", Query(kind, selector), EventName, 0);
        var filter = Assert.Single(fixture.Events.Filters.Distinct());
        Assert.Equal(field, string.Join(",", filter.Terms.Select(t => t.Field)));
    }

    [Fact]
    public async Task A_limit_with_a_selector_fills_its_pages_across_store_chunks()
    {
        // status == 2 is rare in the store order: a page of 2 needs more than one chunk of 3 rows without push-down.
        const string Path = "/api/core/v2/namespaces/default/events";
        var query = Query("field", "event.check.status == 2");
        var baseline = await BaselineAsync(async () => (await ListAsync(Path, query, EventName, 2)).Names, on => fixture.Events.PushDown = on);
        fixture.Events.PushDown = false;
        try
        {
            var (names, pages) = await ListAsync(Path, query, EventName, 2);
            Assert.Equal(baseline, names);
            Assert.True(names.Count >= 3, $"{names.Count} events with status 2");
            AssertFullPages(pages, 2);
        }
        finally
        {
            fixture.Events.PushDown = true;
        }
    }

    [Fact]
    public async Task A_page_that_ends_the_selection_has_no_continue_token_when_the_store_has_no_more_rows()
    {
        using var response = await Client.GetAsync(new Uri("/api/core/v2/namespaces/default/events?limit=3&" + Query("field", "event.entity.name == web-2"), UriKind.Relative));
        Assert.Equal(3, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count);
        Assert.False(response.Headers.Contains(ApiRequestContext.ContinueHeader));
    }

    [Theory]
    [InlineData("/api/core/v2/namespaces/default/silenced/subscriptions/linux", "", "linux:*,linux:cpu,linux:disk,linux:mem")]
    [InlineData("/api/core/v2/namespaces/default/silenced/subscriptions/linux", "silenced.check == cpu", "linux:cpu")]
    [InlineData("/api/core/v2/namespaces/default/silenced/subscriptions/linux", "silenced.check in [cpu, mem]", "linux:cpu,linux:mem")]
    [InlineData("/api/core/v2/namespaces/default/silenced/subscriptions/linux", "silenced.name != 'linux:cpu'", "linux:*,linux:disk,linux:mem")]
    [InlineData("/api/core/v2/namespaces/default/silenced/checks/cpu", "", "linux:cpu,windows:cpu")]
    [InlineData("/api/core/v2/namespaces/default/silenced/checks/cpu", "silenced.subscription == windows", "windows:cpu")]
    public async Task Silenced_sub_lists_apply_selectors_and_paging(string path, string selector, string expected)
    {
        var query = selector.Length == 0 ? "" : Query("field", selector);
        var (whole, _) = await ListAsync(path, query, ResourceName, 0);
        Assert.Equal(expected.Split(','), whole);
        var (paged, pages) = await ListAsync(path, query, ResourceName, 1);
        Assert.Equal(whole, paged);
        AssertFullPages(pages, 1);
    }

    [Fact]
    public async Task An_invalid_selector_on_a_silenced_sub_list_is_400()
    {
        using var response = await Client.GetAsync(new Uri("/api/core/v2/namespaces/default/silenced/checks/cpu?labelSelector=%26%26", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("failed to parse labelSelector", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
