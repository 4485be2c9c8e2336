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

        var assets = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.Asset>(factory, "asset");
        yield return Group(ResourceSpec.Of("asset", "assets", "Asset"), "Manage assets",
            assets.Create(Asset.AssetForm.Build(), "create new assets", """
                  sensuctl asset create check-cpu --url https://assets.example.com/check-cpu.tar.gz --sha512 4f926b... --filter "entity.system.os == 'linux'"
                """),
            assets.Update(Asset.AssetForm.Build()),
            Asset.AssetAddCommand.Build(factory), Asset.AssetOutdatedCommand.Build(factory));
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
        var entities = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.Entity>(factory, "entity");
        yield return Group(ResourceSpec.Of("entity", "entities", "Entity"), "Manage entities",
            entities.Create(Entity.EntityForm.Build(), "create a new entity", """
                  sensuctl entity create router-01 --entity-class proxy --subscriptions network
                """),
            entities.Update(Entity.EntityForm.Build()));
        yield return EventCommand.Build(factory, builder);
        var filters = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.EventFilter>(factory, "filter");
        yield return Group(ResourceSpec.Of("filter", "filters", "EventFilter"), "Manage filters",
            filters.Create(Filter.FilterForm.Build(), "create new filters", """
                  sensuctl filter create production-only --action allow --expressions "event.entity.labels.environment == 'production'"
                """),
            filters.Update(Filter.FilterForm.Build()));
        var handlers = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.Handler>(factory, "handler");
        yield return Group(ResourceSpec.Of("handler", "handlers", "Handler"), "Manage handlers",
            handlers.Create(Handler.HandlerForm.Build(), "create new handlers", """
                  sensuctl handler create slack --command sensu-slack-handler --filters is_incident --runtime-assets sensu-slack-handler
                  sensuctl handler create graphite --type tcp --socket-host 10.0.1.99 --socket-port 2003
                  sensuctl handler create notify-all --type set --handlers slack,pagerduty
                """),
            handlers.Update(Handler.HandlerForm.Build()));
        var hooks = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.HookConfig>(factory, "hook");
        yield return Group(ResourceSpec.Of("hook", "hooks", "HookConfig"), "Manage hooks",
            hooks.Create(Hook.HookForm.Build(), "create new hooks", """
                  sensuctl hook create process-tree --command 'ps aux' --timeout 10
                """),
            hooks.Update(Hook.HookForm.Build()));
        var mutators = new Imperative.ImperativeCommands<Sensu.Core.Resources.Core.Mutator>(factory, "mutator");
        yield return Group(ResourceSpec.Of("mutator", "mutators", "Mutator"), "Manage mutators",
            mutators.Create(Mutator.MutatorForm.Build(), "create new mutators", """
                  sensuctl mutator create to-influx --command sensu-influxdb-mutator --timeout 10
                  sensuctl mutator create add-team --type javascript --eval 'data = JSON.parse(JSON.stringify(event)); return JSON.stringify(data)'
                """),
            mutators.Update(Mutator.MutatorForm.Build()));
        yield return Group(ResourceSpec.Of("namespace", "namespaces", "Namespace"), "Manage namespaces", NamespaceCreateCommand.Build(factory));
        yield return Group(ResourceSpec.Of("role", "roles", "Role"), "Manage roles", Role.RoleCreateCommand.Role(factory));
        yield return Group(ResourceSpec.Of("role-binding", "role bindings", "RoleBinding", "rolebinding"), "Manage role bindings", RoleBinding.RoleBindingCreateCommand.RoleBinding(factory));
        yield return Group(ResourceSpec.Of("cluster-role", "cluster roles", "ClusterRole", "clusterrole"), "Manage cluster roles", Role.RoleCreateCommand.ClusterRole(factory));
        yield return Group(ResourceSpec.Of("cluster-role-binding", "cluster role bindings", "ClusterRoleBinding", "clusterrolebinding"), "Manage cluster role bindings", RoleBinding.RoleBindingCreateCommand.ClusterRoleBinding(factory));
        yield return Group(ResourceSpec.Of("silenced", "silenced entries", "Silenced"), "Manage silenced entries", SilencedCommands.Create(factory), SilencedCommands.Clear(factory), SilencedCommands.Update(factory));
        yield return Group(ResourceSpec.Of("user", "users", "User"), "Manage users",
            UserCommands.Create(factory), UserCommands.Password(factory), UserCommands.Disable(factory), UserCommands.Reinstate(factory),
            UserGroupCommands.AddGroup(factory), UserGroupCommands.RemoveGroup(factory), UserGroupCommands.RemoveGroups(factory), UserGroupCommands.SetGroups(factory),
            UserPasswordCommands.ResetPassword(factory), UserPasswordCommands.HashPassword(factory), UserPasswordCommands.TestCreds(factory));
        yield return Group(ResourceSpec.Of("pipeline", "pipelines", "Pipeline"), "Manage pipelines");
        yield return Group(ResourceSpec.Of("api-key", "API keys", "APIKey", "apikey"), "Manage API keys", ApiKeyCommands.Grant(factory), ApiKeyCommands.Revoke(factory));
        yield return Group(ResourceSpec.Of("secret", "secrets", "secrets/v1.Secret"), "Manage secrets");
        yield return Group(new ResourceSpec("provider", "secrets providers", [.. ResourceRegistry.ForCollection(ApiGroup.SecretsV1, "providers")]), "Manage secrets providers");
    }
}
