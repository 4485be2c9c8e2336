using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class AssetTests
{
    private static readonly string Sha = new('a', 128);

    private static Asset Valid() => new()
    {
        Url = "https://example.com/asset.tar.gz",
        Sha512 = Sha,
        Filters = ["entity.system.os == 'linux'"],
        Metadata = new ObjectMeta { Name = "sensu/sensu-slack-handler", Namespace = "default" },
    };

    private static string ErrorOf(Action<Asset> change)
    {
        var asset = Valid();
        change(asset);
        return Assert.Throws<ResourceValidationException>(asset.Validate).Message;
    }

    [Fact]
    public void Valid_asset_passes() => Valid().Validate();

    [Fact]
    public void Asset_rules_use_sensus_messages()
    {
        Assert.Equal("SHA-512 checksum must be at least 128 characters", ErrorOf(a => a.Sha512 = new string('a', 64)));
        Assert.Equal("SHA-512 checksum cannot be empty", ErrorOf(a => a.Sha512 = null));
        Assert.Equal("URL cannot be empty", ErrorOf(a => a.Url = null));
        Assert.StartsWith("syntax error in expression 1: ", ErrorOf(a => a.Filters = ["true", "entity.system.os =="]));
        Assert.Equal("name may only contain letters, forward slashes, underscores, dashes and numbers", ErrorOf(a => a.Metadata.Name = "my asset"));
        Assert.Equal("namespace cannot be empty", ErrorOf(a => a.Metadata.Namespace = ""));
    }

    [Fact]
    public void Urls_with_tokens_are_accepted_because_they_are_substituted_per_entity()
    {
        var a = Valid();
        a.Url = "{{ .labels.asset_url }}/hello-world.tar.gz";
        a.Validate();
    }

    [Fact]
    public void Builds_replace_top_level_source_and_are_each_validated()
    {
        var a = Valid();
        a.Url = null;
        a.Sha512 = null;
        a.Builds = [new AssetBuild { Url = "https://example.com/b.tgz", Sha512 = Sha, Filters = ["entity.system.arch == 'amd64'"] }];
        a.Validate();
        a.Builds.Add(new AssetBuild { Url = "https://example.com/c.tgz", Sha512 = "short" });
        Assert.Equal("SHA-512 checksum must be at least 128 characters", Assert.Throws<ResourceValidationException>(a.Validate).Message);
    }

    [Fact]
    public void Minimal_asset_writes_sensus_field_set()
    {
        var json = JsonRoundTrip.Write(new Asset { Metadata = new ObjectMeta { Name = "a" } }, SensuJsonContext.Default.Asset);
        Assert.Equal(["builds", "filters", "headers", "metadata"], JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Asset_with_builds_round_trips()
    {
        var input = $$$"""
            {"metadata":{"name":"ruby","namespace":"default"},"filters":null,"headers":{"Authorization":"Bearer x"},
             "builds":[{"url":"https://example.com/r.tgz","sha512":"{{{Sha}}}","filters":["entity.system.os == 'linux'"],"headers":null}]}
            """;
        var a = JsonRoundTrip.Read(input, SensuJsonContext.Default.Asset);
        a.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(a, SensuJsonContext.Default.Asset)));
    }
}
