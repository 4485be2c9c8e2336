using System.Text.Json;
using Sensu.Core.Registry;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

/// <summary>
/// Every docs example (5.17 and 6.14) of CheckConfig, HookConfig, Handler, EventFilter, Mutator, Asset,
/// Pipeline and Silenced deserialises and validates, except the listed ones.
/// </summary>
public sealed class DocsExamplesChecksPipelineTests
{
    private static readonly string[] Types =
        ["CheckConfig", "HookConfig", "Handler", "EventFilter", "Mutator", "Asset", "Pipeline", "Silenced"];

    /// <summary>Examples that are not valid resources as written, with the reason and the error they must give.</summary>
    private static readonly Dictionary<string, (string Reason, string Error)> Exceptions = new()
    {
        ["5.17/0102-CheckConfig-ping-github-api.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["5.17/0103-CheckConfig-ping-github-api.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["6.14/0265-CheckConfig-ping-github-api.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["6.14/0266-CheckConfig-ping-github-api.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["6.14/0422-CheckConfig-expired_certs.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["6.14/0423-CheckConfig-expired_certs.json"] = (FragmentWithoutSchedule, NoSchedule),
        ["6.14/0297-CheckConfig-unnamed.json"] = ("subscriptions fragment with no metadata.name", "check name must not be empty"),
        ["6.14/0044-Handler-registration.json"] = (PipeWithoutCommand, "missing command"),
        ["6.14/0045-Handler-registration.json"] = (PipeWithoutCommand, "missing command"),
    };

    /// <summary>Examples whose spec cannot be read as the type at all.</summary>
    private static readonly Dictionary<string, string> Unreadable = new()
    {
        ["6.14/0026-Asset-sensu_nginx-check.json"] = "the third build is the placeholder {filters: \"...\"}",
        ["6.14/0102-EventFilter-keepalive_timeouts.json"] =
            "unquoted YAML expression containing ': ' parses as a mapping, so expressions[1] is an object (docs bug)",
    };

    private const string NoSchedule = "check interval must be greater than 0 or a valid cron schedule must be provided";
    private const string FragmentWithoutSchedule = "fragment illustrating secrets/certificates; no interval or cron";
    private const string PipeWithoutCommand = "type pipe with set members and no command (a set handler mislabelled as pipe)";

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocsCorpus.Files(Types))
            data.Add(file);
        return data;
    }

    [Fact]
    public void Corpus_has_examples_of_every_type()
    {
        var files = DocsCorpus.Files(Types).ToList();
        foreach (var type in Types)
            Assert.Contains(files, f => f.Contains($"-{type}-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_deserialises_and_validates(string file)
    {
        if (Unreadable.ContainsKey(file))
        {
            Assert.ThrowsAny<JsonException>(() => DocsCorpus.ToResource(file));
            return;
        }
        var resource = DocsCorpus.ToResource(file);
        if (Exceptions.TryGetValue(file, out var exception))
        {
            var ex = Assert.Throws<ResourceValidationException>(resource.Validate);
            Assert.Equal(exception.Error, ex.Message);
            return;
        }
        resource.Validate();

        // Writing and reading back gives the same JSON: every field survives with Sensu's emptiness rules.
        var info = ResourceRegistry.For(resource).TypeInfo;
        var first = JsonSerializer.Serialize(resource, info);
        var second = JsonSerializer.Serialize(JsonSerializer.Deserialize(first, info), info);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Every_listed_exception_is_in_the_corpus()
    {
        var files = DocsCorpus.Files(Types).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Exceptions.Keys.Concat(Unreadable.Keys))
            Assert.Contains(file, files);
    }
}
