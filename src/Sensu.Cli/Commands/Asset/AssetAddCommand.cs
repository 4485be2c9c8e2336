using System.CommandLine;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SensuAsset = Sensu.Core.Resources.Core.Asset;

namespace Sensu.Cli.Commands.Asset;

/// <summary><c>sensuctl asset add NAMESPACE/NAME[:VERSION] [-r RENAME]</c> (core-spec §10.1).</summary>
public static class AssetAddCommand
{
    public const string BonsaiNamespace = "io.sensu.bonsai.namespace";
    public const string BonsaiName = "io.sensu.bonsai.name";
    public const string BonsaiVersion = "io.sensu.bonsai.version";

    public static Option<string?> BonsaiUrlOption() =>
        new("--bonsai-url") { Description = $"base URL of the asset hub (default: ${BonsaiClient.EnvironmentVariable} or {BonsaiClient.DefaultUrl})" };

    public static Command Build(CommandFactory factory)
    {
        var reference = new Argument<string>("NAMESPACE/NAME[:VERSION]") { Description = "the asset on the hub, e.g. sensu/sensu-pagerduty-handler:1.2.0" };
        var rename = new Option<string?>("--rename", "-r") { Description = "name to give the asset in Sensu" };
        var bonsaiUrl = BonsaiUrlOption();
        var command = new Command("add", """
            Add an asset from Bonsai (or a compatible hub).

            Examples:
              sensuctl asset add sensu/sensu-pagerduty-handler:1.2.0 -r pagerduty-handler
              sensuctl asset add sensu/check-cpu-usage
              sensuctl asset add sensu/check-cpu-usage --bonsai-url http://hub.internal:9000
            """)
        {
            reference, rename, bonsaiUrl,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var (ns, name, requested) = ParseReference(result.GetValue(reference)!);
            using var bonsai = new BonsaiClient(result.GetValue(bonsaiUrl), runtime.Io, runtime.Settings.Timeout);
            var versions = (await bonsai.VersionsAsync(ns, name, cancellationToken))
                .Select(v => SemVersion.TryParse(v, out var parsed) ? parsed : null).OfType<SemVersion>().ToList();
            SemVersion version;
            if (requested is null)
            {
                version = versions.Max() ?? throw new CliException($"no versions of {ns}/{name} found on the hub");
                runtime.Printer.Message($"no version specified, using latest: {version}");
            }
            else
            {
                if (!SemVersion.TryParse(requested, out var wanted))
                    throw new CliException($"invalid version \"{requested}\"");
                version = versions.FirstOrDefault(v => v.SameAs(wanted))
                    ?? throw new CliException($"version \"{requested}\" of asset {ns}/{name} does not exist; available: {string.Join(", ", versions.Order().Select(v => v.Text))}");
            }
            runtime.Printer.Message($"fetching bonsai asset: {ns}/{name}:{version}");
            var definition = await bonsai.DefinitionAsync(ns, name, version.Text, cancellationToken);
            var decoded = WrappedDecoder.DecodeAll(definition).ResourcesOrThrow();
            var asset = decoded.Select(d => d.Resource).OfType<SensuAsset>().FirstOrDefault()
                ?? throw new CliException($"the hub's definition of {ns}/{name}:{version} holds no Asset");
            var assetName = result.GetValue(rename) ?? $"{ns}/{name}";
            asset.Metadata.Name = assetName;
            asset.Metadata.Namespace = runtime.Namespace;
            asset.Metadata.Annotations ??= [];
            asset.Metadata.Annotations.TryAdd(BonsaiNamespace, ns);
            asset.Metadata.Annotations.TryAdd(BonsaiName, name);
            asset.Metadata.Annotations.TryAdd(BonsaiVersion, version.Text);
            var type = ResourceRegistry.For<SensuAsset>();
            await runtime.Client.PutAsync(type.ItemPath(runtime.Namespace, assetName), ApiBody.ToApiBody(asset), cancellationToken);
            runtime.Printer.Message($"added asset: {ns}/{name}:{version}");
            runtime.Printer.Message("");
            runtime.Printer.Message("You have successfully added the Sensu asset resource, but the asset will not get downloaded until");
            runtime.Printer.Message("it's invoked by another Sensu resource (ex. check). To add this runtime asset to the appropriate");
            runtime.Printer.Message($"resource, populate the \"runtime_assets\" field with [\"{assetName}\"].");
            return 0;
        }));
        return command;
    }

    /// <summary>Splits <c>namespace/name[:version]</c>; at most one colon, exactly one slash.</summary>
    public static (string Namespace, string Name, string? Version) ParseReference(string text)
    {
        var colon = text.Split(':');
        if (colon.Length > 2)
            throw new CliException($"invalid asset \"{text}\": expected NAMESPACE/NAME[:VERSION]");
        var parts = colon[0].Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new CliException($"invalid asset \"{text}\": the name must be NAMESPACE/NAME");
        var version = colon.Length == 2 ? colon[1] : null;
        if (version is { Length: 0 })
            throw new CliException($"invalid asset \"{text}\": empty version");
        return (parts[0], parts[1], version);
    }
}
