using System.CommandLine;
using SilencedEntry = Sensu.Core.Resources.Core.Silenced;

namespace Sensu.Cli.Commands.Resources;

/// <summary>
/// The NAME of an <c>info</c> or <c>delete</c> command; for silenced entries, as in Sensu, it may instead be given as
/// <c>--subscription</c> and/or <c>--check</c> (the name is then <c>subscription:check</c>, <c>*</c> for a missing part).
/// </summary>
public static class SilencedTarget
{
    public static Func<ParseResult, string> AddTo(ResourceSpec spec, Command command, Argument<string> name)
    {
        if (spec.Type.Name != "Silenced")
            return result => result.GetValue(name)!;
        name.Arity = ArgumentArity.ZeroOrOne;
        var subscription = new Option<string?>("--subscription", "-s") { Description = "name of the silenced subscription" };
        var check = new Option<string?>("--check", "-c") { Description = "name of the silenced check" };
        command.Options.Add(subscription);
        command.Options.Add(check);
        return result =>
        {
            var given = result.GetValue(name);
            var (sub, chk) = (result.GetValue(subscription), result.GetValue(check));
            if (!string.IsNullOrEmpty(given))
                return sub is null && chk is null ? given : throw new CliException("give either NAME or --subscription/--check, not both");
            return sub is null && chk is null
                ? throw new CliException("must specify NAME, or --check and/or --subscription")
                : SilencedEntry.ComputeName(sub, chk);
        };
    }
}
