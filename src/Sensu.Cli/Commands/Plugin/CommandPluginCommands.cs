using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Cli.Commands.Asset;
using Sensu.Cli.Output;
using Sensu.Core.Resources.Core;
using Sensu.Core.Wrapped;
using CoreAsset = Sensu.Core.Resources.Core.Asset;

namespace Sensu.Cli.Commands.Plugin;

/// <summary>
/// <c>sensuctl command install|list|exec|delete</c>: sensuctl command plugins, as Sensu has them. <c>install</c> records an
/// alias and its asset (from Bonsai, <c>NAMESPACE/NAME[:VERSION]</c>, or from <c>--url</c> and <c>--checksum</c>); <c>exec</c>
/// fetches and unpacks the asset on first use and runs its <c>bin/entrypoint</c> with sensuctl's connection in
/// <c>SENSU_*</c> variables.
/// </summary>
public static class CommandPluginCommands
{
    public static Command Build(CommandFactory factory)
    {
        var command = new Command("command", "Manage sensuctl commands");
        command.Subcommands.Add(Install(factory));
        command.Subcommands.Add(List(factory));
        command.Subcommands.Add(CommandPluginExec.Build(factory));
        command.Subcommands.Add(Delete(factory));
        return command;
    }

    internal static CommandPluginStore Store(CommandRuntime runtime) => new(runtime.Settings.Files.Directory);

    private static Command Install(CommandFactory factory)
    {
        var alias = new Argument<string>("ALIAS");
        var name = new Argument<string?>("NAME:VERSION") { Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "specifies a URL to fetch a sensuctl command archive from" };
        var checksum = new Option<string?>("--checksum") { Description = "specifies the checksum (SHA512) of the command archive from the --url flag" };
        var command = new Command("install", "installs a sensuctl command from Bonsai or a URL") { alias, name, url, checksum };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var aliasValue = result.GetValue(alias)!;
            var bonsaiName = result.GetValue(name);
            var urlValue = result.GetValue(url);
            var checksumValue = result.GetValue(checksum);
            CoreAsset asset;
            if (bonsaiName is not null)
            {
                if (urlValue is not null || checksumValue is not null)
                    throw new CliException("the url and checksum flags can only be used when NAME is not specified");
                asset = await FromBonsaiAsync(runtime, bonsaiName, cancellationToken);
            }
            else
            {
                if (urlValue is null)
                    throw new CliException("must specify a Bonsai asset name or use --url flag");
                if (checksumValue is null)
                    throw new CliException("must specify checksum (SHA512) with --checksum when using --url");
                asset = new CoreAsset { Builds = [new AssetBuild { Url = urlValue, Sha512 = checksumValue }] };
                asset.Metadata.Name = aliasValue;
            }
            asset.Metadata.Namespace = CommandPluginStore.AssetNamespace;
            asset.Validate();
            var store = Store(runtime);
            var plugins = store.Load();
            if (!plugins.TryAdd(aliasValue, asset))
                throw new CliException("the alias specified already exists");
            store.Save(plugins);
            runtime.Printer.Message("command was installed successfully");
            return 0;
        }));
        return command;
    }

    private static async Task<CoreAsset> FromBonsaiAsync(CommandRuntime runtime, string full, CancellationToken cancellationToken)
    {
        var colon = full.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? full : full[..colon];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == path.Length - 1)
            throw new CliException($"asset name must be specified in the format namespace/name[:version], got \"{full}\"");
        var (ns, name) = (path[..slash], path[(slash + 1)..]);
        using var bonsai = new BonsaiClient(null, runtime.Io, runtime.Settings.Timeout);
        var version = colon < 0 ? null : full[(colon + 1)..];
        if (version is null)
        {
            var versions = await bonsai.VersionsAsync(ns, name, cancellationToken);
            var parsed = versions.Select(v => SemVersion.TryParse(v, out var sem) ? sem : null).OfType<SemVersion>().ToList();
            version = parsed.Count > 0 ? parsed.Max()!.Text : throw new CliException($"no versions of {ns}/{name} on Bonsai");
            runtime.Printer.Message("no version specified, using latest: " + version);
        }
        runtime.Printer.Message($"fetching bonsai asset: {ns}/{name}:{version}");
        var text = await bonsai.DefinitionAsync(ns, name, version, cancellationToken);
        var decoded = WrappedDecoder.DecodeAll(text).ResourcesOrThrow();
        if (decoded.Count == 0 || decoded[0].Resource is not CoreAsset asset)
            throw new CliException($"bonsai returned no core/v2.Asset for {ns}/{name}:{version}");
        var annotations = asset.Metadata.Annotations ?? [];
        if (annotations.TryGetValue("io.sensu.bonsai.type", out var type) && type != "sensuctl")
            throw new CliException("requested asset is not a sensuctl asset");
        if (annotations.TryGetValue("io.sensu.bonsai.provider", out var provider) && provider != "sensuctl/command")
            throw new CliException("requested asset is not a sensuctl/command asset");
        if (asset.Builds.Count == 0)
            throw new CliException("one or more asset builds are required");
        return asset;
    }

    private static Command List(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("list", "lists installed sensuctl commands") { format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, runtime =>
        {
            var plugins = Store(runtime).Load();
            var outputFormat = runtime.Format(result, format);
            if (outputFormat == OutputFormat.Tabular)
            {
                runtime.Printer.Table(["Alias", "URL", "Hash"], plugins.SelectMany(p => Builds(p.Value).Select(b => (IReadOnlyList<string>)
                    [p.Key, ShortUrl(b.Url), b.Sha512.Length >= 128 ? b.Sha512[..7] : "invalid"])));
                return Task.FromResult(0);
            }
            var list = new JsonArray([.. plugins.Select(p => (JsonNode)new JsonObject
            {
                ["alias"] = p.Key,
                ["asset"] = outputFormat == OutputFormat.Json ? WrappedEncoder.ToBareJson(p.Value) : WrappedEncoder.ToWrappedJson(p.Value),
            })]);
            runtime.Io.Out.Write(outputFormat == OutputFormat.Yaml ? JsonToYaml.Write(list) : JsonText.Write(list) + "\n");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static IEnumerable<AssetBuild> Builds(CoreAsset asset) =>
        asset.Builds.Count > 0 ? asset.Builds : [new AssetBuild { Url = asset.Url ?? "", Sha512 = asset.Sha512 ?? "" }];

    private static string ShortUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"//{uri.Host}/.../{uri.Segments.LastOrDefault()}" : "";

    private static Command Delete(CommandFactory factory)
    {
        var alias = new Argument<string>("ALIAS");
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("delete", "delete sensuctl commands") { alias, skip };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, runtime =>
        {
            var name = result.GetValue(alias)!;
            runtime.Confirm("delete command", name, result.GetValue(skip));
            var store = Store(runtime);
            var plugins = store.Load();
            if (!plugins.Remove(name))
                throw new CliException("the alias specified does not exist");
            store.Save(plugins);
            runtime.Printer.Message("Deleted");
            return Task.FromResult(0);
        }));
        return command;
    }
}
