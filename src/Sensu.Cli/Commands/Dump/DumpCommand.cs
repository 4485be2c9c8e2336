using System.CommandLine;
using System.Net;
using Sensu.Cli.Client;
using Sensu.Cli.Commands.Resources;
using Sensu.Cli.Output;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using Spectre.Console;

namespace Sensu.Cli.Commands.Dump;

/// <summary><c>sensuctl dump all|TYPES [--all-namespaces] [--format yaml|wrapped-json] [-f FILE] [--omit TYPES]</c>.</summary>
public static class DumpCommand
{
    public static Command Build(CommandFactory factory)
    {
        var types = new Argument<string?>("TYPES") { Description = "all, or comma-separated types (core/v2.CheckConfig, checks, secrets/v1.Secret, ...)", Arity = ArgumentArity.ZeroOrOne };
        var listTypes = new Option<bool>("--types", "-t") { Description = "list supported resource types (deprecated: use \"sensuctl describe-type all\")" };
        var format = new Option<string>("--format") { Description = "yaml (default) or wrapped-json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "wrapped-json");
        var file = new Option<string?>("--file", "-f") { Description = "write to this file instead of standard output" };
        var omit = new Option<string?>("--omit") { Description = "comma-separated types to leave out" };
        var all = CommonOptions.AllNamespaces();
        var chunk = CommonOptions.ChunkSize();
        var command = new Command("dump", """
            Dump resources as wrapped YAML or JSON, ready for 'sensuctl create'.

            Examples:
              sensuctl dump all --all-namespaces --format yaml -f backup.yml
              sensuctl dump checks,handlers --format wrapped-json
              sensuctl dump secrets/v1.Secret,secrets/v1.Provider --all-namespaces
              sensuctl dump all --omit core/v2.Event,core/v2.Entity
            """)
        {
            types, format, file, omit, all, chunk, listTypes,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            if (result.GetValue(listTypes))
                return await ListTypesAsync(runtime, result.GetValue(types));
            if (string.IsNullOrWhiteSpace(result.GetValue(types)))
                throw new CliException("missing argument(s): a type, a comma-separated list of types, or 'all'");
            var selected = DumpTypes.Resolve(result.GetValue(types)!, result.GetValue(omit));
            var explicitTypes = result.GetValue(types)!.Trim() != "all";
            var allNamespaces = result.GetValue(all);
            var resources = new List<IResource>();
            async Task CollectAsync(Action<string>? progress)
            {
                foreach (var type in selected)
                {
                    progress?.Invoke(type.FullName);
                    resources.AddRange(await FetchAsync(runtime, type, allNamespaces, result.GetValue(chunk), explicitTypes, cancellationToken));
                }
            }
            var path = result.GetValue(file);
            if (path is not null && runtime.Io.OutputIsTerminal)
                await AnsiConsole.Status().StartAsync("dumping", async context => await CollectAsync(name => context.Status($"dumping {name}")));
            else
                await CollectAsync(null);
            var text = WrappedWriter.Write(OutputFormats.ToWrapped(OutputFormats.Parse(result.GetValue(format)!)), resources);
            if (path is null)
                await runtime.Io.Out.WriteAsync(text);
            else
                await File.WriteAllTextAsync(path, text, cancellationToken);
            return 0;
        }));
        return command;
    }

    /// <summary><c>--types</c>, deprecated as in Sensu: the table of <c>describe-type all</c>, with Sensu's notice on stderr.</summary>
    private static async Task<int> ListTypesAsync(CommandRuntime runtime, string? positional)
    {
        if (!string.IsNullOrWhiteSpace(positional))
            throw new CliException("--types is mutually exclusive with positional args");
        await runtime.Io.Error.WriteLineAsync("Flag --types has been deprecated, please use \"sensuctl describe-type all\" instead");
        runtime.Printer.Table(["Fully Qualified Name", "Short Name", "API Version", "Type", "Namespaced"],
            ResourceRegistry.All.Select(DescribeType.TypeDescription.Of)
                .Select(d => (IReadOnlyList<string>)[d.Name, d.ShortName, d.ApiVersion, d.Type, d.Namespaced ? "true" : "false"]));
        return 0;
    }

    /// <summary>
    /// Backend entities (and events about them) are written by each backend at start, for itself; a dump leaves them
    /// out so that <c>create -f</c> of the dump works on any other backend (the API refuses backend-class entities).
    /// </summary>
    private static bool IsBackendOwn(IResource resource) => resource switch
    {
        Sensu.Core.Resources.Core.Entity entity => entity.IsBackendClass,
        Sensu.Core.Resources.Core.Event { Entity: { } entity } => entity.IsBackendClass,
        _ => false,
    };

    private static async Task<IEnumerable<IResource>> FetchAsync(CommandRuntime runtime, ResourceType type, bool allNamespaces, int chunkSize, bool strict, CancellationToken cancellationToken)
    {
        var path = type.CollectionPath(type.Namespaced && !allNamespaces ? runtime.Namespace : null);
        try
        {
            var nodes = await runtime.Client.ListAsync(path, chunkSize, cancellationToken);
            return ApiDecoding.DecodeAll(type, nodes).Where(r => ResourceRegistry.For(r) == type && !IsBackendOwn(r));
        }
        catch (ApiException ex) when (!strict && ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed)
        {
            return [];
        }
    }
}
