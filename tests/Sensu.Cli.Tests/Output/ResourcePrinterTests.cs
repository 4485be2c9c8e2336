using System.Text.Json.Nodes;
using Sensu.Cli.Commands.Asset;
using Sensu.Cli.Commands.Create;
using Sensu.Cli.Output;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Cli.Tests.Output;

public sealed class ResourcePrinterTests
{
    private static readonly CheckConfig Check = new()
    {
        Metadata = new ObjectMeta { Name = "check-cpu", Namespace = "default" },
        Command = "check-cpu -w 75",
        Interval = 60,
        Subscriptions = ["linux"],
        Handlers = ["slack"],
        Publish = true,
    };

    private static (ResourcePrinter Printer, StringWriter Out) Printer()
    {
        var output = new StringWriter();
        return (new ResourcePrinter(new CliIo { In = TextReader.Null, Out = output, Error = TextWriter.Null }), output);
    }

    [Fact]
    public void Tabular_AlignsColumns_WithoutColour()
    {
        var (printer, output) = Printer();

        printer.List(OutputFormat.Tabular, ResourceRegistry.For<CheckConfig>(), [Check], allNamespaces: true);

        var lines = output.ToString().Split('\n').Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains("Namespace", lines[0]);
        Assert.Contains("Metric Handlers", lines[0]);
        var row = lines.Single(l => l.Contains("check-cpu -w 75", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("Command", StringComparison.Ordinal), row.IndexOf("check-cpu -w 75", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", output.ToString());
    }

    [Fact]
    public void Json_IsAnArrayOfBareResources_WrappedJsonIsAStream_YamlIsMultiDocument()
    {
        var other = new Handler { Metadata = new ObjectMeta { Name = "slack", Namespace = "default" }, Type = "pipe", Command = "x" };
        var (json, jsonOut) = Printer();
        json.List(OutputFormat.Json, ResourceRegistry.For<CheckConfig>(), [Check, other], false);
        Assert.Equal(2, JsonNode.Parse(jsonOut.ToString())!.AsArray().Count);

        var (wrapped, wrappedOut) = Printer();
        wrapped.List(OutputFormat.WrappedJson, ResourceRegistry.For<CheckConfig>(), [Check, other], false);
        Assert.Equal(2, Sensu.Core.Wrapped.WrappedDecoder.DecodeAll(wrappedOut.ToString()).ResourcesOrThrow().Count);
        Assert.StartsWith("{", wrappedOut.ToString());

        var (yaml, yamlOut) = Printer();
        yaml.List(OutputFormat.Yaml, ResourceRegistry.For<CheckConfig>(), [Check, other], false);
        Assert.Contains("\n---\n", yamlOut.ToString());
    }

    [Fact]
    public void Info_Tabular_ShowsFields()
    {
        var (printer, output) = Printer();
        var secret = new Secret { Metadata = new ObjectMeta { Name = "pagerduty_key", Namespace = "default" }, Id = "SENSU_PAGERDUTY_KEY", Provider = "env" };

        printer.One(OutputFormat.Tabular, secret);

        Assert.StartsWith("=== pagerduty_key", output.ToString());
        Assert.Contains("SENSU_PAGERDUTY_KEY", output.ToString());
    }

    [Fact]
    public void Batch_KeepsDocumentsBeforeTheFirstBadOne()
    {
        var text = "type: Handler\nmetadata: {name: a}\nspec: {type: pipe, command: x}\n---\ntype: Nope\nspec: {}\n---\ntype: Handler\nmetadata: {name: b}\nspec: {type: pipe, command: x}\n";

        var batch = ResourceBatch.Decode([("stdin", text)], multipleSources: false);

        Assert.Single(batch.Resources);
        Assert.Contains("document 1", batch.Error);
        Assert.Contains("Nope", batch.Error);
    }

    [Theory]
    [InlineData("sensu/sensu-pagerduty-handler:1.2.0", "sensu", "sensu-pagerduty-handler", "1.2.0")]
    [InlineData("sensu/check-cpu-usage", "sensu", "check-cpu-usage", null)]
    public void AssetReference_Parses(string text, string ns, string name, string? version) =>
        Assert.Equal((ns, name, version), AssetAddCommand.ParseReference(text));

    [Theory]
    [InlineData("sensu-pagerduty-handler")]
    [InlineData("a/b/c")]
    [InlineData("a/b:1:2")]
    public void AssetReference_Rejects(string text) => Assert.Throws<CliException>(() => AssetAddCommand.ParseReference(text));

    [Fact]
    public void SemVersion_OrdersLikeSemver()
    {
        var versions = new[] { "1.10.0", "v1.2.0", "1.2.0-beta.1", "0.9.9" }.Select(v => SemVersion.TryParse(v, out var s) ? s : null).OfType<SemVersion>().ToList();
        Assert.Equal(["0.9.9", "1.2.0-beta.1", "v1.2.0", "1.10.0"], versions.Order().Select(v => v.Text));
        Assert.True(SemVersion.TryParse("1.2", out var shortForm) && shortForm.SameAs(versions.Single(v => v.Text == "v1.2.0")));
    }
}
