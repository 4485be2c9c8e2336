using System.CommandLine;
using Sensu.Core.Meta;

namespace Sensu.Cli.Commands.Resources;

/// <summary>Builds <c>sensuctl TYPE list|info|delete</c> for one resource type.</summary>
public sealed class ResourceCommandBuilder(CommandFactory factory)
{
    public Command Build(ResourceSpec spec, string description)
    {
        var command = new Command(spec.Command, description);
        foreach (var alias in spec.Aliases)
            command.Aliases.Add(alias);
        command.Subcommands.Add(List(spec));
        command.Subcommands.Add(Info(spec));
        command.Subcommands.Add(Delete(spec));
        return command;
    }

    public Command List(ResourceSpec spec)
    {
        var format = CommonOptions.Format();
        var all = CommonOptions.AllNamespaces();
        var chunk = CommonOptions.ChunkSize();
        var labels = CommonOptions.LabelSelector();
        var fields = CommonOptions.FieldSelector();
        var command = new Command("list", $"""
            List {spec.Plural}.

            Examples:
              sensuctl {spec.Command} list
              sensuctl {spec.Command} list --format yaml
            """)
        {
            format, chunk, labels, fields,
        };
        command.Aliases.Add("ls");
        if (spec.Type.Namespaced || spec.Type.Name == "APIKey") // Sensu's api-key list takes the flag; keys are cluster-wide
            command.Options.Add(all);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var allNamespaces = spec.Type.Namespaced && result.GetValue(all);
            var path = spec.Type.CollectionPath(allNamespaces ? null : runtime.Namespace);
            var query = new List<string>();
            if (result.GetValue(labels) is { } l)
                query.Add("labelSelector=" + Uri.EscapeDataString(l));
            if (result.GetValue(fields) is { } f)
                query.Add("fieldSelector=" + Uri.EscapeDataString(f));
            if (query.Count > 0)
                path += "?" + string.Join("&", query);
            var nodes = await runtime.Client.ListAsync(path, result.GetValue(chunk), cancellationToken);
            var resources = ApiDecoding.DecodeAll(spec.Type, nodes)
                .Where(r => spec.Types.Contains(Sensu.Core.Registry.ResourceRegistry.For(r)))
                .ToList();
            runtime.Printer.List(runtime.Format(result, format), spec.Type, resources, allNamespaces);
            return 0;
        }));
        return command;
    }

    public Command Info(ResourceSpec spec)
    {
        var format = CommonOptions.Format();
        var name = new Argument<string>("NAME") { Description = $"name of the {spec.Command}" };
        var command = new Command("info", $"""
            Show the details of one {spec.Command}.

            Examples:
              sensuctl {spec.Command} info NAME
              sensuctl {spec.Command} info NAME --format wrapped-json
            """)
        {
            name, format,
        };
        var target = SilencedTarget.AddTo(spec, command, name);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var resource = await GetAsync(runtime, spec, target(result), cancellationToken);
            runtime.Printer.One(runtime.Format(result, format), resource);
            return 0;
        }));
        return command;
    }

    public Command Delete(ResourceSpec spec)
    {
        var skip = CommonOptions.SkipConfirm();
        var name = new Argument<string>("NAME") { Description = $"name of the {spec.Command}" };
        var command = new Command("delete", $"""
            Delete one {spec.Command}.

            Examples:
              sensuctl {spec.Command} delete NAME
              sensuctl {spec.Command} delete NAME --skip-confirm
            """)
        {
            name, skip,
        };
        var targetOf = SilencedTarget.AddTo(spec, command, name);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var target = targetOf(result);
            runtime.Confirm("delete", target, result.GetValue(skip));
            await runtime.Client.DeleteAsync(spec.Type.ItemPath(runtime.Namespace, target), cancellationToken);
            runtime.Printer.Message("Deleted");
            return 0;
        }));
        return command;
    }

    public static async Task<IResource> GetAsync(CommandRuntime runtime, ResourceSpec spec, string name, CancellationToken cancellationToken)
    {
        var node = await runtime.Client.GetAsync(spec.Type.ItemPath(runtime.Namespace, name), cancellationToken);
        return ApiDecoding.Decode(spec.Type, node);
    }
}
