using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Pipeline.Handlers;

/// <summary>Handler sets: expanded up to three levels, duplicates removed, missing handlers ignored, read from the cache.</summary>
public sealed class HandlerExpanderTests
{
    [Fact]
    public async Task Sets_expand_with_duplicates_removed_missing_ignored_and_depth_limited()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        async Task Put(string name, string json)
        {
            Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync($"/api/core/v2/namespaces/default/handlers/{name}", json));
            await PipelineHarness.WaitForCachedAsync<Sensu.Core.Resources.Core.Handler>(backend, name);
        }
        await Put("a", """{"type":"pipe","command":"true"}""");
        await Put("b", """{"type":"pipe","command":"true"}""");
        await Put("c", """{"type":"pipe","command":"true"}""");
        await Put("level3", """{"type":"set","handlers":["c"]}""");
        await Put("level2", """{"type":"set","handlers":["b","a","level3"]}""");
        await Put("level1", """{"type":"set","handlers":["a","missing","level2"]}""");

        var expander = backend.Services.GetRequiredService<HandlerExpander>();
        var handlers = expander.Expand("default", ["level1", "a", "b"]);

        Assert.Equal(["a", "b"], handlers.Select(h => h.Metadata.Name));
    }
}
