using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Cli.Commands.Resources;
using Sensu.Cli.Output;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using Spectre.Console;
using SensuAsset = Sensu.Core.Resources.Core.Asset;

namespace Sensu.Cli.Commands.Asset;

/// <summary><c>sensuctl asset outdated</c>: assets added from the hub whose version is older than the hub's latest.</summary>
public static class AssetOutdatedCommand
{
    public static Command Build(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var bonsaiUrl = AssetAddCommand.BonsaiUrlOption();
        var all = CommonOptions.AllNamespaces();
        var chunk = CommonOptions.ChunkSize();
        var labels = CommonOptions.LabelSelector();
        var fields = CommonOptions.FieldSelector();
        var command = new Command("outdated", "List assets added from the hub that have a newer version.\n\nExamples:\n  sensuctl asset outdated") { format, bonsaiUrl, all, chunk, labels, fields };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var type = ResourceRegistry.For<SensuAsset>();
            var assets = ApiDecoding.DecodeAll(type, await runtime.Client.ListAsync(ListPath(type.CollectionPath(result.GetValue(all) ? null : runtime.Namespace), result.GetValue(labels), result.GetValue(fields)), result.GetValue(chunk), cancellationToken)).OfType<SensuAsset>();
            using var bonsai = new BonsaiClient(result.GetValue(bonsaiUrl), runtime.Io, runtime.Settings.Timeout);
            var rows = new List<JsonObject>();
            foreach (var asset in assets)
            {
                var annotations = asset.Metadata.Annotations;
                if (annotations is null || !annotations.TryGetValue(AssetAddCommand.BonsaiNamespace, out var ns)
                    || !annotations.TryGetValue(AssetAddCommand.BonsaiName, out var name)
                    || !annotations.TryGetValue(AssetAddCommand.BonsaiVersion, out var current)
                    || !SemVersion.TryParse(current, out var currentVersion))
                    continue;
                var latest = (await bonsai.VersionsAsync(ns, name, cancellationToken))
                    .Select(v => SemVersion.TryParse(v, out var parsed) ? parsed : null).OfType<SemVersion>().Max();
                if (latest is not null && latest.CompareTo(currentVersion) > 0)
                {
                    rows.Add(new JsonObject
                    {
                        ["asset_name"] = asset.Metadata.Name,
                        ["bonsai_name"] = $"{ns}/{name}",
                        ["current_version"] = current,
                        ["latest_version"] = latest.Text,
                    });
                }
            }
            var chosen = runtime.Format(result, format);
            if (chosen == OutputFormat.Tabular)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns("Asset Name", "Bonsai Asset", "Current Version", "Latest Version");
                foreach (var row in rows)
                    table.AddRow(row.Select(p => Markup.Escape(p.Value?.GetValue<string>() ?? "")).ToArray());
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(runtime.Io.Out) });
                console.Write(table);
            }
            else
            {
                runtime.Io.Out.WriteLine(JsonText.Write(new JsonArray([.. rows])));
            }
            return 0;
        }));
        return command;
    }

    private static string ListPath(string path, string? labels, string? fields)
    {
        var query = new List<string>();
        if (labels is not null)
            query.Add("labelSelector=" + Uri.EscapeDataString(labels));
        if (fields is not null)
            query.Add("fieldSelector=" + Uri.EscapeDataString(fields));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
