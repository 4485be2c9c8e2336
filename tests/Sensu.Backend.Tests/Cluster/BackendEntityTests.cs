using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Cluster;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Resources.Core;
using Sensu.Execution.Host;
using Sensu.Backend.Hosting;
using Sensu.Backend.Pipeline.Assets;

namespace Sensu.Backend.Tests.Cluster;

/// <summary>The backend's own entity carries the host's real system facts, is kept current, and is what asset builds are chosen against.</summary>
public sealed class BackendEntityTests
{
    [Fact]
    public void Default_entity_has_the_hosts_system_facts()
    {
        var facts = SystemFacts.Collect();
        var entity = new BackendEntity().ToEntity();

        Assert.Equal(Entity.BackendClass, entity.EntityClass);
        Assert.Equal(BackendEntity.Namespace, entity.Metadata.Namespace);
        Assert.Equal(facts.Hostname, entity.Metadata.Name);
        Assert.Equal("linux", entity.System!.Os);
        Assert.Equal(facts.Arch, entity.System.Arch);
        Assert.Equal(facts.Platform, entity.System.Platform);
        Assert.Equal(facts.PlatformFamily, entity.System.PlatformFamily);
        Assert.Equal(facts.LibcType, entity.System.LibcType);
    }

    [Fact]
    public void Copies_do_not_share_the_system_facts()
    {
        var backend = new BackendEntity("b1", new EntitySystem { Hostname = "b1", Os = "linux", Arch = "amd64" });
        var copy = backend.ToEntity();
        copy.System!.Arch = "arm64";

        Assert.Equal("amd64", backend.ToEntity().System!.Arch);
        Assert.Equal("amd64", backend.Entity.System!.Arch);
    }

    [Fact]
    public async Task Stored_entity_is_updated_when_the_hosts_facts_change()
    {
        var first = new BackendEntity("backend-facts", new EntitySystem { Hostname = "backend-facts", Os = "linux", Arch = "amd64" });
        var stateDir = Directory.CreateTempSubdirectory("sensu-backend-entity-").FullName;
        try
        {
            await using (var backend = await StartAsync(first, stateDir))
            {
                Assert.Equal("amd64", await StoredArchAsync(backend));
            }

            // Same state directory, the host now reports another architecture (a restored backup on new hardware).
            var moved = new BackendEntity("backend-facts", new EntitySystem { Hostname = "backend-facts", Os = "linux", Arch = "arm64" });
            await using (var backend = await StartAsync(moved, stateDir))
            {
                Assert.Equal("arm64", await StoredArchAsync(backend));
                Assert.Same(backend.Services.GetRequiredService<BackendEntity>(), backend.Services.GetRequiredService<IAssetBuildTarget>());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(stateDir, recursive: true);
        }
    }

    private static Task<TestBackend> StartAsync(BackendEntity entity, string stateDir) =>
        TestBackend.StartAsync(
            o =>
            {
                o.StateDir = Path.Combine(stateDir, "state");
                o.CacheDir = Path.Combine(stateDir, "cache");
            },
            services => services.AddSingleton(entity));

    private static async Task<string?> StoredArchAsync(TestBackend backend)
    {
        using var client = await backend.LoginAsync();
        using var response = await client.GetAsync(new Uri("/api/core/v2/namespaces/sensu-system/entities/backend-facts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["system"]?["arch"]?.GetValue<string>();
    }
}
