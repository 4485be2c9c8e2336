using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class NamespaceTests
{
    [Fact]
    public void Json_is_name_only_and_metadata_name_is_the_same_value()
    {
        var ns = JsonRoundTrip.Read("""{"name":"production"}""", SensuJsonContext.Default.Namespace);
        Assert.Equal("production", ns.Metadata.Name);
        ns.Metadata = new ObjectMeta { Name = "staging", Labels = new() { ["a"] = "b" } };
        Assert.Equal("""{"name":"staging"}""", JsonRoundTrip.Write(ns, SensuJsonContext.Default.Namespace).ToJsonString());
    }

    [Theory]
    [InlineData("", "namespace name must not be empty")]
    [InlineData("my ns", "namespace name cannot contain spaces or special characters")]
    public void Invalid_names_are_rejected(string name, string message)
    {
        var ex = Assert.Throws<ResourceValidationException>(new Namespace(name).Validate);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Valid_name_passes() => new Namespace("team_a-1.prod:x").Validate();
}
