using System.CommandLine;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;

namespace Sensu.Cli.Commands.Role;

/// <summary>The single rule of <c>role create</c> and <c>cluster-role create</c>, from verb, resource and resource-name flags.</summary>
public sealed class RuleFlags(Option<string[]> verbs, Option<string[]> resources, Option<string[]> resourceNames, params Option<string[]>[] fallbacks)
{
    public IEnumerable<Option> Options => new Option[] { verbs, resources, resourceNames }.Concat(fallbacks);

    /// <summary><c>role create</c>: <c>--verb/-v</c>, <c>--resource/-r</c>, <c>--resource-name/-n</c>.</summary>
    public static RuleFlags ForRole() => new(
        StringSlice.Option("verb", "v", "verbs that apply to the resources contained in the rule"),
        StringSlice.Option("resource", "r", "resources that the rule applies to"),
        StringSlice.Option("resource-name", "n", "optional resource names that the rule applies to"));

    /// <summary><c>cluster-role create</c>: <c>--verbs/-v</c>, <c>--resources/-r</c>, <c>--resource-name/-n</c>; the singular forms are hidden and deprecated.</summary>
    public static RuleFlags ForClusterRole() => new(
        StringSlice.Option("verbs", "v", "verbs that apply to the resources contained in the rule"),
        StringSlice.Option("resources", "r", "resources that the rule applies to"),
        StringSlice.Option("resource-name", "n", "optional resource names that the rule applies to"),
        StringSlice.Option("verb", null, "deprecated: use --verbs", hidden: true),
        StringSlice.Option("resource", null, "deprecated: use --resources", hidden: true));

    public RbacRule Rule(ParseResult result)
    {
        var verbList = StringSlice.Values(result, verbs);
        if (verbList.Count == 0 && fallbacks.Length > 0)
            verbList = StringSlice.Values(result, fallbacks[0]);
        if (verbList.Count == 0)
            throw new CliException("at least one verb must be provided");
        var resourceList = StringSlice.Values(result, resources);
        if (resourceList.Count == 0 && fallbacks.Length > 1)
            resourceList = StringSlice.Values(result, fallbacks[1]);
        if (resourceList.Count == 0)
            throw new CliException("at least one resource must be provided");
        return new RbacRule { Verbs = verbList, Resources = resourceList, ResourceNames = StringSlice.Values(result, resourceNames) };
    }
}
