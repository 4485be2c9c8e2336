using System.CommandLine;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;

namespace Sensu.Cli.Commands.Check;

/// <summary>
/// <c>sensuctl check set-hooks CHECK --type T --hooks a,b</c> (adds hooks to the check's list for that status, prints
/// "Added") and <c>sensuctl check remove-hook CHECK TYPE HOOK</c> (prints "Removed").
/// </summary>
public static class CheckHookCommands
{
    public static Command SetHooks(CommandFactory factory)
    {
        var name = new Argument<string>("CHECKNAME") { Description = "name of the check" };
        var type = new Option<string?>("--type", "-t") { Description = "type associated with the hook" };
        var hooks = new Option<string?>("--hooks", "-k") { Description = "comma separated list of hooks associated with the check" };
        var interactive = ImperativeCommands<CheckConfig>.InteractiveOption();
        var command = new Command("set-hooks", """
            set hooks of a check

            Examples:
              sensuctl check set-hooks check-cpu --type critical --hooks ps-aux,top
            """)
        {
            name, type, hooks, interactive,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var typeValue = result.GetValue(type) ?? "";
            var hooksValue = result.GetValue(hooks) ?? "";
            var explicitChoice = result.GetResult(interactive) is { Implicit: false };
            if (result.GetValue(interactive) || (!explicitChoice && (typeValue.Length == 0 || hooksValue.Length == 0) && Questionnaire.Available(runtime.Io) is not null))
            {
                var prompter = Questionnaire.Require(runtime.Io);
                typeValue = Questionnaire.Ask(runtime.Io, prompter, "Type", typeValue, required: true);
                hooksValue = Questionnaire.Ask(runtime.Io, prompter, "Hooks", hooksValue, required: true);
            }
            var list = new HookList { Type = typeValue, Hooks = FieldParse.Csv(hooksValue) };
            list.Validate();
            await ImperativeCommands<CheckConfig>.EditAsync(runtime, result.GetValue(name)!, check =>
            {
                var existing = check.CheckHooks.FirstOrDefault(h => h.Type == list.Type);
                if (existing is null)
                    check.CheckHooks.Add(list);
                else
                    existing.Hooks.AddRange(list.Hooks.Where(h => !existing.Hooks.Contains(h)));
            }, cancellationToken);
            runtime.Printer.Message("Added");
            return 0;
        }));
        return command;
    }

    public static Command RemoveHook(CommandFactory factory)
    {
        var name = new Argument<string>("CHECKNAME") { Description = "name of the check" };
        var type = new Argument<string>("TYPE") { Description = "status type of the hook list (ok, warning, critical, unknown, non-zero, 0-255)" };
        var hook = new Argument<string>("HOOKNAME") { Description = "name of the hook" };
        var command = new Command("remove-hook", "removes a hook from a check\n\nExamples:\n  sensuctl check remove-hook check-cpu critical ps-aux") { name, type, hook };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var typeValue = result.GetValue(type)!;
            var hookValue = result.GetValue(hook)!;
            await ImperativeCommands<CheckConfig>.EditAsync(runtime, result.GetValue(name)!, check =>
            {
                var list = check.CheckHooks.FirstOrDefault(h => h.Type == typeValue && h.Hooks.Contains(hookValue))
                    ?? throw new CliException($"hook \"{hookValue}\" of type \"{typeValue}\" is not set on the check");
                list.Hooks.Remove(hookValue);
                if (list.Hooks.Count == 0)
                    check.CheckHooks.Remove(list);
            }, cancellationToken);
            runtime.Printer.Message("Removed");
            return 0;
        }));
        return command;
    }
}
