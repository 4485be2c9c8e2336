using System.CommandLine;
using Sensu.Cli.Commands.ApiKey;
using Sensu.Cli.Commands.Check;
using Sensu.Cli.Commands.Event;
using Sensu.Cli.Commands.Namespace;
using Sensu.Cli.Commands.Silenced;
using Sensu.Cli.Commands.User;
using Sensu.Core.Registry;

namespace Sensu.Cli.Commands.Resources;

/// <summary>Every <c>sensuctl TYPE ...</c> group with its generic verbs and the resource-specific ones.</summary>
public static class ResourceCommands
{
    public static IEnumerable<Command> Build(CommandFactory factory)
    {
        var builder = new ResourceCommandBuilder(factory);
        Command Group(ResourceSpec spec, string description, params Command[] extra)
        {
            var command = builder.Build(spec, description);
            foreach (var sub in extra)
                command.Subcommands.Add(sub);
            return command;
        }

        yield return Group(ResourceSpec.Of("asset", "assets", "Asset"), "Manage assets", Asset.AssetAddCommand.Build(factory), Asset.AssetOutdatedCommand.Build(factory));
        var checks = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.CheckConfig>(factory, "check");
        var checkForm = CheckForm.Build();
        yield return Group(ResourceSpec.Of("check", "checks", "CheckConfig"), "Manage checks",
        [
            checks.Create(checkForm, "create new checks", """
                  sensuctl check create check-cpu --command 'check-cpu.rb -w 75 -c 90' --interval 60 --subscriptions linux
                  sensuctl check create check-disk --command check-disk --cron '0 * * * *' --subscriptions linux --handlers slack
                  sensuctl check create --interactive
                """),
            CheckExecuteCommand.Build(factory),
            checks.Update(checkForm),
            CheckHookCommands.RemoveHook(factory),
            CheckHookCommands.SetHooks(factory),
            CheckProxyRequestsCommand.Build(factory),
            .. checks.Verbs(CheckVerbs.Table),
        ]);
        yield return Group(ResourceSpec.Of("entity", "entities", "Entity"), "Manage entities");
        yield return EventCommand.Build(factory, builder);
        yield return Group(ResourceSpec.Of("filter", "filters", "EventFilter"), "Manage filters");
        yield return Group(ResourceSpec.Of("handler", "handlers", "Handler"), "Manage handlers");
        yield return Group(ResourceSpec.Of("hook", "hooks", "HookConfig"), "Manage hooks");
        yield return Group(ResourceSpec.Of("mutator", "mutators", "Mutator"), "Manage mutators");
        yield return Group(ResourceSpec.Of("namespace", "namespaces", "Namespace"), "Manage namespaces", NamespaceCreateCommand.Build(factory));
        yield return Group(ResourceSpec.Of("role", "roles", "Role"), "Manage roles");
        yield return Group(ResourceSpec.Of("role-binding", "role bindings", "RoleBinding", "rolebinding"), "Manage role bindings");
        yield return Group(ResourceSpec.Of("cluster-role", "cluster roles", "ClusterRole", "clusterrole"), "Manage cluster roles");
        yield return Group(ResourceSpec.Of("cluster-role-binding", "cluster role bindings", "ClusterRoleBinding", "clusterrolebinding"), "Manage cluster role bindings");
        yield return Group(ResourceSpec.Of("silenced", "silenced entries", "Silenced"), "Manage silenced entries", SilencedCommands.Create(factory), SilencedCommands.Clear(factory));
        yield return Group(ResourceSpec.Of("user", "users", "User"), "Manage users",
            UserCommands.Create(factory), UserCommands.Password(factory), UserCommands.Disable(factory), UserCommands.Reinstate(factory));
        yield return Group(ResourceSpec.Of("pipeline", "pipelines", "Pipeline"), "Manage pipelines");
        yield return Group(ResourceSpec.Of("api-key", "API keys", "APIKey", "apikey"), "Manage API keys", ApiKeyCommands.Grant(factory), ApiKeyCommands.Revoke(factory));
        yield return Group(ResourceSpec.Of("secret", "secrets", "secrets/v1.Secret"), "Manage secrets");
        yield return Group(new ResourceSpec("provider", "secrets providers", [.. ResourceRegistry.ForCollection(ApiGroup.SecretsV1, "providers")]), "Manage secrets providers");
    }
}
