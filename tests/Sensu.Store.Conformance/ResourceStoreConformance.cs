namespace Sensu.Store.Conformance;

/// <summary>Create, get, put, conditional replace, delete and their errors.</summary>
public abstract class ResourceStoreConformance : StoreConformanceBase
{
    [Fact]
    public async Task Create_then_get_returns_what_was_written()
    {
        await CreateNamespaceAsync("default");
        var write = Write(Checks, "default", "check-cpu");

        var created = await Store.Writer.CreateAsync(write, Ct);
        var read = await Store.Reader.GetAsync(write.Key, Ct);

        Assert.NotNull(read);
        Assert.Equal(write.Key, read.Key);
        Assert.Equal("CheckConfig", read.Type);
        Assert.Equal(write.Json, read.Json);
        Assert.Equal(created.Revision, read.Revision);
        Assert.True(created.Revision > 0);
    }

    [Fact]
    public async Task Get_of_a_missing_resource_is_null()
    {
        await CreateNamespaceAsync("default");
        Assert.Null(await Store.Reader.GetAsync(Key(Checks, "default", "nope"), Ct));
        Assert.Null(await Store.Reader.GetAsync(Key(Checks, "elsewhere", "nope"), Ct));
    }

    [Fact]
    public async Task Cluster_wide_resources_need_no_namespace()
    {
        var write = Write(Users, string.Empty, "admin");
        await Store.Writer.CreateAsync(write, Ct);
        Assert.NotNull(await Store.Reader.GetAsync(write.Key, Ct));
    }

    [Fact]
    public async Task Create_of_an_existing_key_fails_with_AlreadyExists_and_keeps_the_first()
    {
        await CreateNamespaceAsync("default");
        var first = await Store.Writer.CreateAsync(Write(Checks, "default", "check-cpu"), Ct);

        var ex = await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            Store.Writer.CreateAsync(Write(first.Key, """{"other":true}"""), Ct));

        Assert.Equal(first.Key, ex.Key);
        Assert.Equal(first, await Store.Reader.GetAsync(first.Key, Ct));
    }

    [Fact]
    public async Task The_same_name_may_exist_in_two_namespaces_and_two_kinds()
    {
        await CreateNamespacesAsync("a", "b");
        await Store.Writer.CreateAsync(Write(Checks, "a", "x"), Ct);
        await Store.Writer.CreateAsync(Write(Checks, "b", "x"), Ct);
        await Store.Writer.CreateAsync(Write(Handlers, "a", "x"), Ct);

        Assert.NotNull(await Store.Reader.GetAsync(Key(Checks, "b", "x"), Ct));
        Assert.NotNull(await Store.Reader.GetAsync(Key(Handlers, "a", "x"), Ct));
    }

    [Fact]
    public async Task Writes_into_a_missing_namespace_fail_and_write_nothing()
    {
        var write = Write(Checks, "ghost", "check-cpu");

        var create = await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.CreateAsync(write, Ct));
        Assert.Equal("ghost", create.Namespace);
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.PutAsync(write, Ct));
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.PutManyAsync([write], Ct));

        Assert.Null(await Store.Reader.GetAsync(write.Key, Ct));
    }

    [Fact]
    public async Task Put_creates_then_replaces_with_a_higher_revision()
    {
        await CreateNamespaceAsync("default");
        var key = Key(Checks, "default", "check-cpu");

        var (created, outcome1) = await Store.Writer.PutAsync(Write(key, """{"v":1}"""), Ct);
        var (replaced, outcome2) = await Store.Writer.PutAsync(Write(key, """{"v":2}"""), Ct);

        Assert.Equal(PutOutcome.Created, outcome1);
        Assert.Equal(PutOutcome.Replaced, outcome2);
        Assert.True(replaced.Revision > created.Revision);
        var read = await Store.Reader.GetAsync(key, Ct);
        Assert.Equal("""{"v":2}""", read?.Json);
        Assert.Equal(replaced.Revision, read?.Revision);
    }

    [Fact]
    public async Task Put_may_change_the_wrapper_type_of_a_kind()
    {
        await CreateNamespaceAsync("default");
        var key = Key("secrets/v1/providers", string.Empty, "vault");
        await Store.Writer.PutAsync(new ResourceWrite(key, "Env", "{}"), Ct);
        await Store.Writer.PutAsync(new ResourceWrite(key, "VaultProvider", "{}"), Ct);
        Assert.Equal("VaultProvider", (await Store.Reader.GetAsync(key, Ct))?.Type);
    }

    [Fact]
    public async Task Revisions_grow_across_every_kind_and_namespace()
    {
        await CreateNamespacesAsync("a", "b");
        var r1 = await Store.Writer.CreateAsync(Write(Checks, "a", "one"), Ct);
        var r2 = await Store.Writer.CreateAsync(Write(Handlers, "b", "two"), Ct);
        var r3 = await Store.Writer.CreateAsync(Write(Users, string.Empty, "three"), Ct);
        Assert.True(r1.Revision < r2.Revision && r2.Revision < r3.Revision);
    }

    [Fact]
    public async Task Replace_with_the_current_revision_succeeds()
    {
        await CreateNamespaceAsync("default");
        var created = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);

        var replaced = await Store.Writer.ReplaceAsync(Write(created.Key, """{"v":2}"""), created.Revision, Ct);

        Assert.True(replaced.Revision > created.Revision);
        Assert.Equal("""{"v":2}""", (await Store.Reader.GetAsync(created.Key, Ct))?.Json);
    }

    [Fact]
    public async Task Replace_with_a_stale_revision_fails_and_changes_nothing()
    {
        await CreateNamespaceAsync("default");
        var created = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);
        var (current, _) = await Store.Writer.PutAsync(Write(created.Key, """{"v":2}"""), Ct);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Store.Writer.ReplaceAsync(Write(created.Key, """{"v":3}"""), created.Revision, Ct));

        Assert.Equal(current, await Store.Reader.GetAsync(created.Key, Ct));
    }

    [Fact]
    public async Task Replace_of_a_missing_resource_fails()
    {
        await CreateNamespaceAsync("default");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Store.Writer.ReplaceAsync(Write(Checks, "default", "c"), 1, Ct));
        Assert.Null(await Store.Reader.GetAsync(Key(Checks, "default", "c"), Ct));
    }

    [Fact]
    public async Task Delete_removes_and_reports_whether_there_was_something()
    {
        await CreateNamespaceAsync("default");
        var created = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);

        Assert.True(await Store.Writer.DeleteAsync(created.Key, Ct));
        Assert.Null(await Store.Reader.GetAsync(created.Key, Ct));
        Assert.False(await Store.Writer.DeleteAsync(created.Key, Ct));
        Assert.False(await Store.Writer.DeleteAsync(Key(Checks, "ghost", "c"), Ct));
    }

    [Fact]
    public async Task A_deleted_key_can_be_created_again_with_a_newer_revision()
    {
        await CreateNamespaceAsync("default");
        var first = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);
        await Store.Writer.DeleteAsync(first.Key, Ct);
        var second = await Store.Writer.CreateAsync(Write(Checks, "default", "c"), Ct);
        Assert.True(second.Revision > first.Revision);
    }

    [Fact]
    public async Task Deleting_a_namespace_is_a_plain_delete_and_then_blocks_new_writes()
    {
        await CreateNamespaceAsync("dev");
        await Store.Writer.CreateAsync(Write(Checks, "dev", "c"), Ct);

        Assert.True(await Store.Writer.DeleteAsync(ResourceKey.Cluster(StoreKinds.Namespaces, "dev"), Ct));

        Assert.NotNull(await Store.Reader.GetAsync(Key(Checks, "dev", "c"), Ct));
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.CreateAsync(Write(Checks, "dev", "d"), Ct));
    }

    [Fact]
    public async Task PutMany_writes_everything_including_namespaces_created_in_the_same_batch()
    {
        ResourceWrite[] writes =
        [
            Write(ResourceKey.Cluster(StoreKinds.Namespaces, "default"), """{"name":"default"}"""),
            Write(Checks, "default", "a"),
            Write(Handlers, "default", "b"),
            Write(Users, string.Empty, "admin"),
        ];

        await Store.Writer.PutManyAsync(writes, Ct);

        foreach (var write in writes)
        {
            Assert.Equal(write.Json, (await Store.Reader.GetAsync(write.Key, Ct))?.Json);
        }
    }

    [Fact]
    public async Task PutMany_with_one_bad_write_writes_nothing()
    {
        await CreateNamespaceAsync("default");
        var existing = await Store.Writer.CreateAsync(Write(Checks, "default", "keep"), Ct);
        ResourceWrite[] writes =
        [
            Write(existing.Key, """{"changed":true}"""),
            Write(Checks, "default", "new-one"),
            Write(Checks, "missing-namespace", "bad"),
            Write(Checks, "default", "new-two"),
        ];

        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => Store.Writer.PutManyAsync(writes, Ct));

        Assert.Equal(existing, await Store.Reader.GetAsync(existing.Key, Ct));
        Assert.Null(await Store.Reader.GetAsync(Key(Checks, "default", "new-one"), Ct));
        Assert.Null(await Store.Reader.GetAsync(Key(Checks, "default", "new-two"), Ct));
        var next = await Store.Writer.CreateAsync(Write(Checks, "default", "after"), Ct);
        Assert.True(next.Revision > existing.Revision);
    }

    [Fact]
    public async Task PutMany_of_nothing_is_fine()
    {
        await Store.Writer.PutManyAsync([], Ct);
    }

    [Fact]
    public async Task Health_ping_answers()
    {
        await Store.Health.PingAsync(Ct);
    }

    [Fact]
    public async Task Json_text_round_trips_byte_for_byte()
    {
        await CreateNamespaceAsync("default");
        const string json = "{\"output\":\"ünïcødé \\u0000 \\\"quoted\\\" 🚀\",\"n\":1e3}";
        var created = await Store.Writer.CreateAsync(Write(Key(Checks, "default", "c"), json), Ct);
        Assert.Equal(json, (await Store.Reader.GetAsync(created.Key, Ct))?.Json);
    }
}
