namespace Sensu.Store.Conformance;

/// <summary>Listing order, namespace scoping and continue tokens.</summary>
public abstract class ResourceListingConformance : StoreConformanceBase
{
    private async Task SeedAsync()
    {
        await CreateNamespacesAsync("default", "dev", "prod");
        foreach (var (ns, name) in new[] { ("prod", "b"), ("default", "c"), ("dev", "a"), ("default", "a"), ("prod", "a"), ("default", "b") })
        {
            await Store.Writer.CreateAsync(Write(Checks, ns, name), Ct);
        }

        await Store.Writer.CreateAsync(Write(Handlers, "default", "zz"), Ct);
    }

    private static string[] Names(IEnumerable<StoredResource> items) =>
        items.Select(r => r.Key.Namespace.Length == 0 ? r.Key.Name : $"{r.Key.Namespace}/{r.Key.Name}").ToArray();

    [Fact]
    public async Task List_kinds_names_each_kind_with_a_resource_once_in_ordinal_order()
    {
        Assert.Empty(await Store.Reader.ListKindsAsync(Ct));
        await SeedAsync();
        await Store.Writer.CreateAsync(Write(Users, string.Empty, "bob"), Ct);
        Assert.Equal([Checks, Handlers, StoreKinds.Namespaces, Users], await Store.Reader.ListKindsAsync(Ct));

        Assert.True(await Store.Writer.DeleteAsync(Key(Handlers, "default", "zz"), Ct));
        Assert.Equal([Checks, StoreKinds.Namespaces, Users], await Store.Reader.ListKindsAsync(Ct));
    }

    [Fact]
    public async Task List_of_one_namespace_is_ordered_by_name_and_holds_only_that_kind()
    {
        await SeedAsync();
        var page = await Store.Reader.ListAsync(Checks, "default", PageRequest.All, Ct);
        Assert.Equal(["default/a", "default/b", "default/c"], Names(page.Items));
        Assert.Null(page.Continue);
    }

    [Fact]
    public async Task List_of_all_namespaces_is_ordered_by_namespace_then_name()
    {
        await SeedAsync();
        var page = await Store.Reader.ListAsync(Checks, null, PageRequest.All, Ct);
        Assert.Equal(["default/a", "default/b", "default/c", "dev/a", "prod/a", "prod/b"], Names(page.Items));
        Assert.Null(page.Continue);
    }

    [Fact]
    public async Task List_of_a_cluster_kind_uses_the_empty_namespace()
    {
        await Store.Writer.CreateAsync(Write(Users, string.Empty, "bob"), Ct);
        await Store.Writer.CreateAsync(Write(Users, string.Empty, "alice"), Ct);
        Assert.Equal(["alice", "bob"], Names((await Store.Reader.ListAsync(Users, null, PageRequest.All, Ct)).Items));
        Assert.Equal(["alice", "bob"], Names((await Store.Reader.ListAsync(Users, string.Empty, PageRequest.All, Ct)).Items));
    }

    [Fact]
    public async Task List_of_an_empty_or_unknown_namespace_is_empty()
    {
        await SeedAsync();
        Assert.Empty((await Store.Reader.ListAsync(Checks, "nowhere", PageRequest.All, Ct)).Items);
        Assert.Empty((await Store.Reader.ListAsync("core/v2/mutators", null, PageRequest.All, Ct)).Items);
    }

    [Fact]
    public async Task Names_sort_ordinally()
    {
        await CreateNamespaceAsync("default");
        foreach (var name in new[] { "b", "B", "a-1", "a_1", "a.1", "A", "10", "9" })
        {
            await Store.Writer.CreateAsync(Write(Checks, "default", name), Ct);
        }

        var names = (await Store.Reader.ListAsync(Checks, "default", PageRequest.All, Ct)).Items.Select(r => r.Key.Name).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), names);
    }

    [Fact]
    public async Task Pages_of_one_namespace_cover_everything_once_in_order()
    {
        await SeedAsync();
        var all = await ReadAllPagesAsync(p => Store.Reader.ListAsync(Checks, "default", p, Ct), limit: 2);
        Assert.Equal(["default/a", "default/b", "default/c"], Names(all));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Pages_across_namespaces_cover_everything_once_in_order(int limit)
    {
        await SeedAsync();
        var all = await ReadAllPagesAsync(p => Store.Reader.ListAsync(Checks, null, p, Ct), limit);
        Assert.Equal(["default/a", "default/b", "default/c", "dev/a", "prod/a", "prod/b"], Names(all));
    }

    [Fact]
    public async Task An_exact_last_page_has_no_continue_token()
    {
        await CreateNamespaceAsync("default");
        foreach (var name in new[] { "a", "b", "c" })
        {
            await Store.Writer.CreateAsync(Write(Checks, "default", name), Ct);
        }

        var first = await Store.Reader.ListAsync(Checks, "default", new PageRequest(2, null), Ct);
        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Continue);

        var last = await Store.Reader.ListAsync(Checks, "default", new PageRequest(2, first.Continue), Ct);
        Assert.Equal(["default/c"], Names(last.Items));
        Assert.Null(last.Continue);

        var whole = await Store.Reader.ListAsync(Checks, "default", new PageRequest(3, null), Ct);
        Assert.Equal(3, whole.Items.Count);
        Assert.Null(whole.Continue);
    }

    [Fact]
    public async Task Continue_tokens_are_base64url_without_padding()
    {
        await SeedAsync();
        var page = await Store.Reader.ListAsync(Checks, null, new PageRequest(1, null), Ct);
        Assert.NotNull(page.Continue);
        Assert.Matches("^[A-Za-z0-9_-]+$", page.Continue);
    }

    [Fact]
    public async Task A_token_stays_valid_when_the_item_it_points_at_is_deleted()
    {
        await SeedAsync();
        var first = await Store.Reader.ListAsync(Checks, "default", new PageRequest(1, null), Ct);
        await Store.Writer.DeleteAsync(first.Items[0].Key, Ct);
        var next = await Store.Reader.ListAsync(Checks, "default", new PageRequest(5, first.Continue), Ct);
        Assert.Equal(["default/b", "default/c"], Names(next.Items));
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("AAAA")]
    public async Task A_token_the_store_did_not_issue_is_refused(string token)
    {
        await SeedAsync();
        await Assert.ThrowsAsync<InvalidContinueTokenException>(() =>
            Store.Reader.ListAsync(Checks, null, new PageRequest(2, token), Ct));
    }
}
