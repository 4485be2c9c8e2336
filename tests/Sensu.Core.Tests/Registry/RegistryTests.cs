using Sensu.Core.Registry;

namespace Sensu.Core.Tests.Registry;

public sealed class RegistryTests
{
    [Theory]
    [InlineData("CheckConfig", null, "checks")]
    [InlineData("check_config", "core/v2", "checks")]
    [InlineData("VaultProvider", "secrets/v1", "providers")]
    [InlineData("Env", "secrets/v1", "providers")]
    public void Finds_types_by_name_and_alias(string name, string? apiVersion, string collection)
    {
        var type = ResourceRegistry.Find(name, apiVersion);
        Assert.NotNull(type);
        Assert.Equal(collection, type.Collection);
    }

    [Fact]
    public void Unknown_type_is_not_found()
    {
        Assert.Null(ResourceRegistry.Find("EtcdReplicator", "federation/v1"));
        Assert.Null(ResourceRegistry.Find("Secret", "core/v2"));
    }
}
