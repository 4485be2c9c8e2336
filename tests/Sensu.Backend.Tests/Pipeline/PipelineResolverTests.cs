using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Caching;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline;

/// <summary>Legacy workflows: one per handler in name order, rebuilt when the cache holds a changed handler.</summary>
public sealed class PipelineResolverTests
{
    private static Event EventFor(params string[] handlers) => new()
    {
        Metadata = new ObjectMeta { Namespace = "default" },
        Entity = new Entity { Metadata = new ObjectMeta { Name = "web-1", Namespace = "default" } },
        Check = new Check { Metadata = new ObjectMeta { Name = "cpu", Namespace = "default" }, Handlers = [.. handlers] },
    };

    [Fact]
    public async Task Legacy_workflows_follow_handler_order_and_a_changed_handler()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync("/api/core/v2/namespaces/default/handlers/zeta", """{"type":"pipe","command":"true","filters":["is_incident"]}"""));
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync("/api/core/v2/namespaces/default/handlers/alpha", """{"type":"pipe","command":"true","mutator":"only_check_output"}"""));
        await PipelineHarness.WaitForCachedAsync<Handler>(backend, "zeta");
        await PipelineHarness.WaitForCachedAsync<Handler>(backend, "alpha");
        var resolver = backend.Services.GetRequiredService<PipelineResolver>();

        var first = resolver.Resolve(EventFor("zeta", "alpha", "zeta"));
        Assert.Equal(["legacy-pipeline-workflow-alpha", "legacy-pipeline-workflow-zeta"], first.Select(w => w.Name));
        Assert.Equal("only_check_output", first[0].Mutator?.Name);
        Assert.Equal(["is_incident"], first[1].Filters.Select(f => f.Name));
        Assert.Same(first[1], resolver.Resolve(EventFor("zeta")).Single());

        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync("/api/core/v2/namespaces/default/handlers/zeta", """{"type":"pipe","command":"true","filters":["not_silenced","is_incident"]}"""));
        var cache = backend.Services.GetRequiredService<ResourceCache<Handler>>();
        var deadline = Environment.TickCount64 + 30_000;
        while (cache.Get("default", "zeta")?.Filters.Count != 2)
        {
            Assert.True(Environment.TickCount64 < deadline, "the changed handler did not reach the cache");
            await Task.Delay(20);
        }

        var changed = resolver.Resolve(EventFor("zeta")).Single();
        Assert.Equal(["not_silenced", "is_incident"], changed.Filters.Select(f => f.Name));
    }
}
