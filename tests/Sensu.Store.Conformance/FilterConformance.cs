using System.Text.Json;

namespace Sensu.Store.Conformance;

/// <summary>
/// Listings with a <see cref="StoreFilter"/>: every field and operator, checked against the terms' own definition
/// (<see cref="StoreFilterTerm.Holds"/>) over the seeded data, alone, combined, within a namespace or entity, and paged.
/// </summary>
public abstract class FilterConformance : StoreConformanceBase
{
    private sealed record Seed(EventKey Key, int? Status, Dictionary<string, string>? Own, Dictionary<string, string>? Entity, Dictionary<string, string>? Check, bool HasCheck = true)
    {
        public string? Label(string key) =>
            Check?.GetValueOrDefault(key) ?? Entity?.GetValueOrDefault(key) ?? Own?.GetValueOrDefault(key);

        public string? ValueOf(StoreFilterTerm term) => term.Field switch
        {
            StoreFilterField.EventEntity => Key.Entity,
            StoreFilterField.EventCheck => Key.Check,
            StoreFilterField.EventCheckStatus => (Status ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            StoreFilterField.Label => Label(term.Label!),
            _ => throw new ArgumentOutOfRangeException(nameof(term)),
        };

        public string Json()
        {
            var ev = new Dictionary<string, object>
            {
                ["entity"] = new Dictionary<string, object> { ["metadata"] = Meta(Key.Entity, Entity) },
                ["metadata"] = Own is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["labels"] = Own },
            };
            if (HasCheck)
            {
                var check = new Dictionary<string, object> { ["metadata"] = Meta(Key.Check, Check) };
                if (Status is { } status)
                    check["status"] = status;
                ev["check"] = check;
            }
            return JsonSerializer.Serialize(ev);
        }

        private static Dictionary<string, object> Meta(string name, Dictionary<string, string>? labels) =>
            labels is null ? new() { ["name"] = name } : new() { ["name"] = name, ["labels"] = labels };
    }

    private static Dictionary<string, string> L(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);

    private static readonly Seed[] Events =
    [
        new(new("default", "web-1", "cpu"), 0, L("region", "eu"), L("region", "us", "tier", "web"), null),
        new(new("default", "web-1", "disk"), 2, null, L("region", "us", "tier", "web"), L("region", "ap")),
        new(new("default", "web-2", "cpu"), 1, L("team", "ops"), L("tier", "web"), null),
        new(new("default", "db-1", "cpu"), null, null, L("tier", "db", "we\"ird", "q"), L("team", "dba")),
        new(new("default", "db-1", "keepalive"), 2, L("region", "eu"), L("tier", "db"), null),
        new(new("default", "proxy", "keepalive"), null, null, null, null, HasCheck: false),
        new(new("dev", "web-1", "cpu"), 2, null, L("region", "us"), null),
        new(new("dev", "web-3", "disk"), 0, L("tier", "web"), null, L("team", "ops")),
    ];

    /// <summary>The cases, by name, so that each shows as its own test.</summary>
    private static readonly Dictionary<string, StoreFilterTerm[]> EventCases = new()
    {
        ["entity =="] = [StoreFilterTerm.In(StoreFilterField.EventEntity, "web-1")],
        ["entity in"] = [StoreFilterTerm.In(StoreFilterField.EventEntity, "web-1", "db-1", "nobody")],
        ["entity !="] = [StoreFilterTerm.NotIn(StoreFilterField.EventEntity, "web-1")],
        ["entity notin"] = [StoreFilterTerm.NotIn(StoreFilterField.EventEntity, "web-1", "db-1")],
        ["check =="] = [StoreFilterTerm.In(StoreFilterField.EventCheck, "cpu")],
        ["check in"] = [StoreFilterTerm.In(StoreFilterField.EventCheck, "disk", "keepalive")],
        ["check !="] = [StoreFilterTerm.NotIn(StoreFilterField.EventCheck, "cpu")],
        ["check notin"] = [StoreFilterTerm.NotIn(StoreFilterField.EventCheck, "cpu", "disk")],
        ["status =="] = [StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "2")],
        ["status == 0 (absent)"] = [StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "0")],
        ["status in"] = [StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "1", "2")],
        ["status !="] = [StoreFilterTerm.NotIn(StoreFilterField.EventCheckStatus, "0")],
        ["status notin"] = [StoreFilterTerm.NotIn(StoreFilterField.EventCheckStatus, "0", "1")],
        ["label =="] = [StoreFilterTerm.LabelIn("tier", "web")],
        ["label == (check over entity over event)"] = [StoreFilterTerm.LabelIn("region", "eu")],
        ["label == (check wins)"] = [StoreFilterTerm.LabelIn("region", "ap")],
        ["label in"] = [StoreFilterTerm.LabelIn("team", "ops", "dba")],
        ["label !="] = [StoreFilterTerm.LabelNotIn("region", "us")],
        ["label notin"] = [StoreFilterTerm.LabelNotIn("tier", "web", "db")],
        ["label with a quote"] = [StoreFilterTerm.LabelIn("we\"ird", "q")],
        ["label with a quote !="] = [StoreFilterTerm.LabelNotIn("we\"ird", "q")],
        ["label missing everywhere"] = [StoreFilterTerm.LabelIn("nothing", "x")],
        ["combined"] =
        [
            StoreFilterTerm.In(StoreFilterField.EventEntity, "web-1", "web-2", "db-1"),
            StoreFilterTerm.NotIn(StoreFilterField.EventCheckStatus, "0"),
            StoreFilterTerm.LabelIn("tier", "web", "db"),
            StoreFilterTerm.LabelNotIn("team", "dba"),
        ],
    };

    public static TheoryData<string> EventCaseNames() => new(EventCases.Keys);

    private async Task SeedEventsAsync()
    {
        await CreateNamespacesAsync("default", "dev");
        foreach (var seed in Events)
            await Store.Events.PutEventAsync(seed.Key, seed.Json(), Ct);
    }

    private static string[] Expected(StoreFilterTerm[] terms, string? @namespace = null, string? entity = null) =>
        Events.Where(e => (@namespace is null || e.Key.Namespace == @namespace) && (entity is null || e.Key.Entity == entity))
            .Where(e => terms.All(t => t.Holds(e.ValueOf(t))))
            .Select(e => e.Key)
            .OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.Entity, StringComparer.Ordinal).ThenBy(k => k.Check, StringComparer.Ordinal)
            .Select(k => k.ToString())
            .ToArray();

    private static string[] Keys(IEnumerable<StoredEvent> events) => events.Select(e => e.Key.ToString()).ToArray();

    [Theory]
    [MemberData(nameof(EventCaseNames))]
    public async Task Event_filter_selects_exactly_the_events_its_terms_hold_for(string name)
    {
        await SeedEventsAsync();
        var terms = EventCases[name];

        var all = await Store.Events.ListEventsAsync(null, null, new StoreFilter(terms), PageRequest.All, Ct);
        var inDefault = await Store.Events.ListEventsAsync("default", null, new StoreFilter(terms), PageRequest.All, Ct);
        var ofOneEntity = await Store.Events.ListEventsAsync("default", "web-1", new StoreFilter(terms), PageRequest.All, Ct);

        Assert.Equal(Expected(terms), Keys(all.Items));
        Assert.Equal(Expected(terms, "default"), Keys(inDefault.Items));
        Assert.Equal(Expected(terms, "default", "web-1"), Keys(ofOneEntity.Items));
        Assert.Null(all.Continue);
    }

    [Fact]
    public async Task Event_filter_cases_are_not_all_trivial()
    {
        // Each case must tell a store that filters from one that does not: it selects some, not all.
        await SeedEventsAsync();
        foreach (var (name, terms) in EventCases.Where(c => c.Key != "label missing everywhere"))
        {
            var count = Expected(terms).Length;
            Assert.True(count > 0 && count < Events.Length, $"case {name} selects {count} of {Events.Length}");
        }
        Assert.Empty(Expected(EventCases["label missing everywhere"]));
    }

    [Fact]
    public async Task Filtered_event_pages_continue_after_the_last_item_and_cover_the_selection_once()
    {
        await SeedEventsAsync();
        var filter = new StoreFilter([StoreFilterTerm.NotIn(StoreFilterField.EventCheck, "keepalive")]);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.Events.ListEventsAsync(null, null, filter, new PageRequest(2, token), Ct);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(Keys(page.Items));
            token = page.Continue;
            Assert.True(++pages <= Events.Length, "paging does not end");
        }
        while (token is not null);

        Assert.Equal(Expected(filter.Terms.ToArray()), seen);
    }

    [Fact]
    public async Task Empty_filter_lists_as_the_unfiltered_listing()
    {
        await SeedEventsAsync();

        var filtered = await Store.Events.ListEventsAsync("default", null, StoreFilter.None, PageRequest.All, Ct);
        var plain = await Store.Events.ListEventsAsync("default", null, PageRequest.All, Ct);

        Assert.Equal(Keys(plain.Items), Keys(filtered.Items));
    }

    [Fact]
    public async Task Filter_values_are_data_not_query_text()
    {
        await SeedEventsAsync();
        var filter = new StoreFilter([StoreFilterTerm.In(StoreFilterField.EventEntity, "web-1' OR '1'='1"), StoreFilterTerm.LabelIn("x') OR 1=1 --\"", "y")]);

        var listed = await Store.Events.ListEventsAsync(null, null, filter, PageRequest.All, Ct);

        Assert.Empty(listed.Items);
    }

    private static readonly (string Name, Dictionary<string, string>? Labels)[] Resources =
    [
        ("alpha", L("env", "prod", "team", "ops")),
        ("beta", L("env", "dev")),
        ("gamma", null),
        ("delta", L("env", "prod", "odd\"key", "v")),
    ];

    private static readonly Dictionary<string, StoreFilterTerm[]> ResourceCases = new()
    {
        ["name =="] = [StoreFilterTerm.In(StoreFilterField.Name, "beta")],
        ["name in"] = [StoreFilterTerm.In(StoreFilterField.Name, "beta", "gamma", "nothing")],
        ["name !="] = [StoreFilterTerm.NotIn(StoreFilterField.Name, "beta")],
        ["name notin"] = [StoreFilterTerm.NotIn(StoreFilterField.Name, "beta", "gamma")],
        ["label =="] = [StoreFilterTerm.LabelIn("env", "prod")],
        ["label in"] = [StoreFilterTerm.LabelIn("env", "dev", "test")],
        ["label !="] = [StoreFilterTerm.LabelNotIn("env", "prod")],
        ["label notin"] = [StoreFilterTerm.LabelNotIn("env", "prod", "dev")],
        ["label with a quote"] = [StoreFilterTerm.LabelIn("odd\"key", "v")],
        ["combined"] = [StoreFilterTerm.LabelIn("env", "prod"), StoreFilterTerm.NotIn(StoreFilterField.Name, "alpha")],
    };

    public static TheoryData<string> ResourceCaseNames() => new(ResourceCases.Keys);

    [Theory]
    [MemberData(nameof(ResourceCaseNames))]
    public async Task Resource_filter_selects_exactly_the_resources_its_terms_hold_for(string name)
    {
        await CreateNamespacesAsync("default", "dev");
        foreach (var ns in new[] { "default", "dev" })
        {
            foreach (var (resource, labels) in Resources)
            {
                var meta = new Dictionary<string, object> { ["name"] = resource, ["namespace"] = ns };
                if (labels is not null)
                    meta["labels"] = labels;
                await Store.Writer.PutAsync(Write(Key(Checks, ns, resource), JsonSerializer.Serialize(new { metadata = meta })), Ct);
            }
        }
        await Store.Writer.PutAsync(Write(Handlers, "default", "beta"), Ct);
        var terms = ResourceCases[name];
        var expected = Resources
            .Where(r => terms.All(t => t.Holds(t.Field == StoreFilterField.Name ? r.Name : r.Labels?.GetValueOrDefault(t.Label!))))
            .Select(r => r.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();

        var inDefault = await Store.Reader.ListAsync(Checks, "default", new StoreFilter(terms), PageRequest.All, Ct);
        var all = await Store.Reader.ListAsync(Checks, null, new StoreFilter(terms), PageRequest.All, Ct);

        Assert.Equal(expected, inDefault.Items.Select(r => r.Key.Name));
        Assert.Equal(expected.Select(n => "default/" + n).Concat(expected.Select(n => "dev/" + n)), all.Items.Select(r => r.Key.Namespace + "/" + r.Key.Name));
        Assert.InRange(expected.Length, 1, Resources.Length - 1);
    }

    [Fact]
    public async Task Filtered_resource_pages_cover_the_selection_once()
    {
        await CreateNamespaceAsync("default");
        for (var i = 0; i < 7; i++)
        {
            var labels = new Dictionary<string, string> { ["keep"] = i % 2 == 0 ? "yes" : "no" };
            var json = JsonSerializer.Serialize(new { metadata = new { name = $"c{i}", @namespace = "default", labels } });
            await Store.Writer.PutAsync(Write(Key(Checks, "default", $"c{i}"), json), Ct);
        }
        var filter = new StoreFilter([StoreFilterTerm.LabelIn("keep", "yes")]);
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.Reader.ListAsync(Checks, "default", filter, new PageRequest(3, token), Ct);
            seen.AddRange(page.Items.Select(r => r.Key.Name));
            token = page.Continue;
        }
        while (token is not null && seen.Count < 10);

        Assert.Equal(["c0", "c2", "c4", "c6"], seen);
    }
}
