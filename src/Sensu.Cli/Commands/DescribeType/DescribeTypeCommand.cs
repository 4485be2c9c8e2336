using System.CommandLine;
using System.Text.Json;
using Sensu.Cli.Config;
using Sensu.Cli.Output;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.DescribeType;

/// <summary>
/// <c>sensuctl describe-type TYPE[,TYPE...]|all [--format F]</c>: fully qualified name, short name, API version,
/// type and scope of each requested resource type (by <c>core/v2.CheckConfig</c>, <c>CheckConfig</c> or <c>checks</c>).
/// </summary>
public static class DescribeTypeCommand
{
    public static Command Build(CommandFactory factory)
    {
        var types = new Argument<string>("RESOURCE TYPES") { Description = "a type, a comma-separated list of types, or 'all'" };
        var format = CommonOptions.Format("format of data returned: tabular, json or yaml");
        var command = new Command("describe-type", """
            Print details about the supported API resources types

            Examples:
              sensuctl describe-type core/v2.CheckConfig
              sensuctl describe-type checks,handlers
              sensuctl describe-type all
            """)
        {
            types, format,
        };
        command.SetAction((result, _) => factory.RunAsync(result, runtime =>
        {
            var described = Resolve(result.GetValue(types)!).Select(TypeDescription.Of).ToList();
            var chosen = runtime.Format(result, format);
            if (chosen == OutputFormat.Tabular)
            {
                runtime.Printer.Table(["Fully Qualified Name", "Short Name", "API Version", "Type", "Namespaced"],
                    described.Select(d => (IReadOnlyList<string>)[d.Name, d.ShortName, d.ApiVersion, d.Type, d.Namespaced ? "true" : "false"]));
                return Task.FromResult(0);
            }
            var json = JsonSerializer.SerializeToNode(described, CliJsonContext.Default.ListTypeDescription)!;
            runtime.Io.Out.Write(chosen == OutputFormat.Yaml ? JsonToYaml.Write(json) : JsonText.Write(json) + "\n");
            return Task.FromResult(0);
        }));
        return command;
    }

    public static IReadOnlyList<ResourceType> Resolve(string requested)
    {
        if (requested == "all")
            return ResourceRegistry.All;
        return requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => ResourceRegistry.FindByAnyName(name)
                ?? ResourceRegistry.All.FirstOrDefault(t => t.RbacResource == name)
                ?? throw new CliException($"invalid resource type: {name}"))
            .Distinct()
            .ToList();
    }
}
