using System.CommandLine;
using Sensu.Cli.Output;

namespace Sensu.Cli.Commands;

/// <summary>Flags several commands share; each call makes a fresh option for one command.</summary>
public static class CommonOptions
{
    public static Option<string?> Format(string description = "output format: tabular, json, wrapped-json or yaml")
    {
        var option = new Option<string?>("--format") { Description = description };
        option.AcceptOnlyFromAmong(OutputFormats.Names);
        return option;
    }

    public static Option<bool> AllNamespaces() => new("--all-namespaces") { Description = "include resources of every namespace" };

    public static Option<int> ChunkSize() => new("--chunk-size") { Description = "fetch the list in chunks of this many resources (0: all at once)" };

    public static Option<bool> SkipConfirm() => new("--skip-confirm") { Description = "do not ask for confirmation" };

    public static Option<string?> LabelSelector() => new("--label-selector") { Description = "filter by label, e.g. 'region == us-west-1'" };

    public static Option<string?> FieldSelector() => new("--field-selector") { Description = "filter by field, e.g. 'check.name == check-cpu'" };
}
