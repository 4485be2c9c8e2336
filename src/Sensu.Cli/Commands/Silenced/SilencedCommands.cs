using System.CommandLine;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SilencedEntry = Sensu.Core.Resources.Core.Silenced;

namespace Sensu.Cli.Commands.Silenced;

/// <summary><c>sensuctl silenced create</c> and <c>sensuctl silenced clear</c>.</summary>
public static class SilencedCommands
{
    public static Command Create(CommandFactory factory)
    {
        var form = SilencedForm.Build(editing: false);
        var interactive = ImperativeCommands<SilencedEntry>.InteractiveOption();
        var options = form.Fields.Select(f => (Field: f, Option: FormOptions.For(f))).ToList();
        var command = new Command("create", """
            create a silenced entry

            Examples:
              sensuctl silenced create --subscription linux --check check-cpu --expire 3600 --reason "maintenance"
              sensuctl silenced create -c check-disk -x
              sensuctl silenced create --interactive
            """)
        {
            interactive,
        };
        foreach (var (_, option) in options)
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var values = options.ToDictionary(o => o.Field.Flag, o => FormOptions.Value(result, o.Option), StringComparer.Ordinal);
            var @namespace = runtime.Namespace;
            if (result.GetValue(interactive))
            {
                var prompter = Questionnaire.Require(runtime.Io);
                @namespace = Questionnaire.Ask(runtime.Io, prompter, "Namespace", @namespace, required: true);
                values = Questionnaire.AskAll(runtime.Io, prompter, form, values);
            }
            var entry = new SilencedEntry();
            form.Apply(entry, values);
            SilencedForm.Begin(entry, values[SilencedForm.BeginFlag], runtime.Io.Time);
            if (entry.Subscription is null && entry.Check is null)
                throw new CliException("must specify --check and/or --subscription");
            entry.Creator = runtime.Settings.Profile.Username;
            entry.Metadata.Name = entry.ComputeName();
            entry.Metadata.Namespace = @namespace;
            entry.Validate();
            var type = ResourceRegistry.For<SilencedEntry>();
            await runtime.Client.PutAsync(type.ItemPath(@namespace, entry.Metadata.Name), ApiBody.ToApiBody(entry), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return command;
    }

    /// <summary>Sensu's <c>silenced update NAME</c>: asks begin, expiry, expire-on-resolve and reason again.</summary>
    public static Command Update(CommandFactory factory)
    {
        var form = SilencedForm.Build(editing: true);
        var name = new Argument<string>("NAME") { Description = "name of the silenced entry (subscription:check)" };
        var command = new Command("update", "update silenced entries\n\nExamples:\n  sensuctl silenced update linux:check-cpu") { name };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var prompter = Questionnaire.Require(runtime.Io);
            await ImperativeCommands<SilencedEntry>.EditAsync(runtime, result.GetValue(name)!, entry =>
            {
                var answers = Questionnaire.AskAll(runtime.Io, prompter, form, form.Read(entry));
                form.Apply(entry, answers);
                SilencedForm.Begin(entry, answers[SilencedForm.BeginFlag], runtime.Io.Time);
            }, cancellationToken);
            runtime.Printer.Message("Updated");
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
