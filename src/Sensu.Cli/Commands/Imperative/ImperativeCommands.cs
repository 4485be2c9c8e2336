using System.CommandLine;
using Sensu.Cli.Commands.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Imperative;

/// <summary>
/// Builds the imperative verbs of one resource type from its <see cref="ResourceForm{T}"/> and table of
/// <see cref="FieldVerb{T}"/>: <c>create</c> (flags or questions), interactive <c>update</c>, <c>set-*</c> and <c>remove-*</c>.
/// Every change is read, validated with the Core type's own rules and written through the API client.
/// </summary>
public sealed class ImperativeCommands<T>(CommandFactory factory, string command) where T : class, IResource, new()
{
    private static ResourceType Type => ResourceRegistry.For<T>();

    public static Option<bool> InteractiveOption() => new("--interactive") { Description = "Determines if CLI is in interactive mode" };

    public Command Create(ResourceForm<T> form, string description, string examples)
    {
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne, Description = $"name of the {command}" };
        var interactive = InteractiveOption();
        var options = form.Fields.Select(f => (Field: f, Option: FormOptions.For(f))).ToList();
        var create = new Command("create", $"{description}\n\nExamples:\n{examples}") { name, interactive };
        foreach (var (_, option) in options)
            create.Options.Add(option);
        create.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var values = options.ToDictionary(o => o.Field.Flag, o => FormOptions.Value(result, o.Option), StringComparer.Ordinal);
            var resourceName = result.GetValue(name) ?? "";
            var @namespace = runtime.Namespace;
            var missing = form.Fields.Where(f => f.Required && values[f.Flag].Length == 0).Select(f => $"\"{f.Flag}\"").ToList();
            var explicitChoice = result.GetResult(interactive) is { Implicit: false };
            var ask = result.GetValue(interactive)
                || (!explicitChoice && (missing.Count > 0 || resourceName.Length == 0) && Questionnaire.Available(runtime.Io) is not null);
            if (ask)
            {
                var prompter = Questionnaire.Require(runtime.Io);
                resourceName = Questionnaire.Ask(runtime.Io, prompter, $"{form.Noun} Name", resourceName, required: true);
                if (Type.Namespaced)
                    @namespace = Questionnaire.Ask(runtime.Io, prompter, "Namespace", @namespace, required: true);
                values = Questionnaire.AskAll(runtime.Io, prompter, form, values);
            }
            else
            {
                if (resourceName.Length == 0)
                    throw new CliException($"invalid argument(s) received: a {command} NAME is required (or use --interactive)");
                if (missing.Count > 0)
                    throw new CliException($"required flag(s) {string.Join(", ", missing)} not set");
                form.CheckFlags?.Invoke(values);
            }
            var resource = form.Build(resourceName, Type.Namespaced ? @namespace : "", values);
            resource.Validate();
            await runtime.Client.PostAsync(Type.CollectionPath(Type.Namespaced ? @namespace : null), ApiBody.ToApiBody(resource), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return create;
    }

    /// <summary>Sensu's <c>update NAME</c>: asks every field again, the current values as defaults.</summary>
    public Command Update(ResourceForm<T> form)
    {
        var name = new Argument<string>("NAME") { Description = $"name of the {command}" };
        var update = new Command("update", $"update {command}s interactively\n\nExamples:\n  sensuctl {command} update NAME") { name };
        update.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var prompter = Questionnaire.Require(runtime.Io);
            await EditAsync(runtime, result.GetValue(name)!, resource =>
            {
                var answers = Questionnaire.AskAll(runtime.Io, prompter, form, form.Read(resource));
                form.Apply(resource, answers);
            }, cancellationToken);
            runtime.Printer.Message("Updated");
            return 0;
        }));
        return update;
    }

    public IEnumerable<Command> Verbs(IEnumerable<FieldVerb<T>> table) => table.Select(Verb);

    public Command Verb(FieldVerb<T> verb)
    {
        var name = new Argument<string>("NAME") { Description = $"name of the {command}" };
        var value = new Argument<string>("VALUE");
        var sub = new Command(verb.Verb, $"{verb.Description}\n\nExamples:\n  sensuctl {command} {verb.Verb} NAME{(verb.Set is null ? "" : " VALUE")}") { name };
        if (verb.Set is not null)
            sub.Arguments.Add(value);
        sub.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await EditAsync(runtime, result.GetValue(name)!, resource =>
            {
                if (verb.Set is { } set)
                    set(resource, result.GetValue(value)!);
                else
                    verb.Remove!(resource);
            }, cancellationToken);
            runtime.Printer.Message(verb.Set is null ? "Removed" : "Updated");
            return 0;
        }));
        return sub;
    }

    /// <summary>Reads the resource, changes it, validates it and writes it back.</summary>
    public static async Task<T> EditAsync(CommandRuntime runtime, string name, Action<T> change, CancellationToken cancellationToken)
    {
        var path = Type.ItemPath(Type.Namespaced ? runtime.Namespace : null, name);
        var node = await runtime.Client.GetAsync(path, cancellationToken);
        var resource = ApiDecoding.Decode(Type, node) as T ?? throw new CliException($"the backend answered with another type than {Type.Name}");
        change(resource);
        resource.Validate();
        await runtime.Client.PutAsync(path, ApiBody.ToApiBody(resource), cancellationToken);
        return resource;
    }
}
