using System.CommandLine;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SilencedEntry = Sensu.Core.Resources.Core.Silenced;

namespace Sensu.Cli.Commands.Silenced;

/// <summary><c>sensuctl silenced create</c> and <c>sensuctl silenced clear</c>.</summary>
public static class SilencedCommands
{
    public static Command Create(CommandFactory factory)
    {
        var subscription = new Option<string?>("--subscription", "-s") { Description = "subscription to silence" };
        var check = new Option<string?>("--check", "-c") { Description = "check to silence" };
        var expire = new Option<long>("--expire", "-x") { Description = "seconds until the entry expires (-1: never)", DefaultValueFactory = _ => -1 };
        var onResolve = new Option<bool>("--expire-on-resolve", "-e") { Description = "clear the entry when the check resolves" };
        var reason = new Option<string?>("--reason", "-r") { Description = "why the check is silenced" };
        var command = new Command("create", """
            Silence a check, a subscription, or a check within a subscription.

            Examples:
              sensuctl silenced create --subscription linux --check check-cpu --expire 3600 --reason "maintenance"
              sensuctl silenced create -c check-disk -e
            """)
        {
            subscription, check, expire, onResolve, reason,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var entry = new SilencedEntry
            {
                Subscription = result.GetValue(subscription),
                Check = result.GetValue(check),
                Expire = result.GetValue(expire),
                ExpireOnResolve = result.GetValue(onResolve),
                Reason = result.GetValue(reason),
                Creator = runtime.Settings.Profile.Username,
            };
            entry.Metadata.Name = entry.ComputeName();
            entry.Metadata.Namespace = runtime.Namespace;
            var type = ResourceRegistry.For<SilencedEntry>();
            await runtime.Client.PutAsync(type.ItemPath(runtime.Namespace, entry.Metadata.Name), ApiBody.ToApiBody(entry), cancellationToken);
            runtime.Printer.Message($"Created silenced entry {entry.Metadata.Name}");
            return 0;
        }));
        return command;
    }

    public static Command Clear(CommandFactory factory)
    {
        var subscription = new Option<string?>("--subscription", "-s") { Description = "subscription of the entry" };
        var check = new Option<string?>("--check", "-c") { Description = "check of the entry" };
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("clear", """
            Clear a silenced entry.

            Examples:
              sensuctl silenced clear --subscription linux --check check-cpu --skip-confirm
            """)
        {
            subscription, check, skip,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var name = SilencedEntry.ComputeName(result.GetValue(subscription), result.GetValue(check));
            runtime.Confirm("clear silenced entry", name, result.GetValue(skip));
            await runtime.Client.DeleteAsync(ResourceRegistry.For<SilencedEntry>().ItemPath(runtime.Namespace, name), cancellationToken);
            runtime.Printer.Message("Deleted");
            return 0;
        }));
        return command;
    }
}
