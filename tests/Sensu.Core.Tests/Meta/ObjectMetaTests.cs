using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;

namespace Sensu.Core.Tests.Meta;

/// <summary>Sensu's ObjectMeta: empty fields are dropped by <see cref="ObjectMeta.Normalize"/> and omitted from JSON.</summary>
public sealed class ObjectMetaTests
{
    [Fact]
    public void Normalize_drops_empty_maps_and_strings_and_keeps_the_rest()
    {
        var meta = new ObjectMeta { Name = "", Namespace = "default", Labels = [], Annotations = new() { ["a"] = "b" }, CreatedBy = "" };

        meta.Normalize();

        Assert.Null(meta.Name);
        Assert.Equal("default", meta.Namespace);
        Assert.Null(meta.Labels);
        Assert.Equal("b", meta.Annotations!["a"]);
        Assert.Null(meta.CreatedBy);
    }

    [Fact]
    public void Empty_fields_are_omitted_from_json()
    {
        var json = JsonSerializer.Serialize(new ObjectMeta { Name = "web1" }, SensuJsonContext.Default.ObjectMeta);

        Assert.Equal("""{"name":"web1"}""", json);
    }
}
