using System.Text.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Selectors;

namespace Sensu.Core.Tests.Selectors;

/// <summary>
/// <see cref="ResourceFields.MetadataPrefixOf"/> names only types whose <c>&lt;prefix&gt;.name</c> and labels are their
/// stored <c>metadata.name</c> and <c>metadata.labels</c>: what a store may filter on in their place.
/// </summary>
public sealed class MetadataPrefixTests
{
    public static TheoryData<string> TypesWithPrefix() =>
        new(ResourceRegistry.All.Where(t => ResourceFields.MetadataPrefixOf(t.ClrType) is not null).Select(t => t.FullName));

    [Theory]
    [MemberData(nameof(TypesWithPrefix))]
    public void The_prefixed_name_and_labels_are_the_stored_metadata(string fullName)
    {
        var type = ResourceRegistry.All.Single(t => t.FullName == fullName);
        var prefix = ResourceFields.MetadataPrefixOf(type.ClrType)!;
        var resource = type.Create();
        resource.Metadata = new ObjectMeta { Name = "the-name", Namespace = "default", Labels = new() { ["region"] = "eu" } };
        // As the store keeps it and the API reads it back.
        var stored = JsonSerializer.Serialize(resource, type.TypeInfo);
        var read = (IResource)JsonSerializer.Deserialize(stored, type.TypeInfo)!;
        using var document = JsonDocument.Parse(stored);

        var fields = ResourceFields.Of(read);

        Assert.Equal("the-name", fields[prefix + ".name"]);
        Assert.Equal("eu", fields[prefix + ".labels.region"]);
        Assert.Equal("eu", ResourceFields.LabelsOf(read)["region"]);
        Assert.Equal("the-name", document.RootElement.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("eu", document.RootElement.GetProperty("metadata").GetProperty("labels").GetProperty("region").GetString());
        Assert.All(fields.Keys, k => Assert.StartsWith(prefix + ".", k, StringComparison.Ordinal));
    }

    [Fact]
    public void Types_whose_fields_are_not_their_metadata_have_no_prefix()
    {
        Assert.Null(ResourceFields.MetadataPrefixOf(typeof(User)));
        Assert.Null(ResourceFields.MetadataPrefixOf(typeof(Namespace)));
        Assert.Null(ResourceFields.MetadataPrefixOf(typeof(Event)));
        Assert.Equal(14, ResourceRegistry.All.Count(t => ResourceFields.MetadataPrefixOf(t.ClrType) is not null));
    }
}
