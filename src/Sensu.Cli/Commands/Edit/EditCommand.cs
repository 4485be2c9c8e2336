using System.CommandLine;
using System.Diagnostics;
using Sensu.Cli.Commands.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Edit;

/// <summary>
/// <c>sensuctl edit TYPE NAME [--format yaml|json] [-b]</c>: opens <c>$EDITOR</c> (fallback <c>vi</c>, Windows
/// <c>notepad.exe</c>) on the wrapped resource and PUTs it back when it changed.
/// </summary>
public static class EditCommand
{
    private static readonly Dictionary<string, string> CommandNames = new(StringComparer.Ordinal)
    {
        ["check"] = "CheckConfig", ["filter"] = "EventFilter", ["hook"] = "HookConfig", ["role-binding"] = "RoleBinding",
        ["cluster-role"] = "ClusterRole", ["cluster-role-binding"] = "ClusterRoleBinding", ["api-key"] = "APIKey", ["secret"] = "secrets/v1.Secret",
    };

    public static Command Build(CommandFactory factory)
    {
        var typeArgument = new Argument<string>("TYPE") { Description = "resource type: check, handler, core/v2.CheckConfig, secrets/v1.Secret, ..." };
        var nameArgument = new Argument<string>("NAME") { Description = "resource name" };
        var format = new Option<string>("--format") { Description = "yaml (default) or json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json", "wrapped-json");
        var blank = new Option<bool>("--blank", "-b") { Description = "start from an empty resource of this type" };
        var command = new Command("edit", """
            Edit a resource in $EDITOR and save it back.

            Examples:
              sensuctl edit check check-cpu
              EDITOR=nano sensuctl edit handler slack --format json
              sensuctl edit secrets/v1.Secret pagerduty_key
            """)
        {
            typeArgument, nameArgument, format, blank,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var typeName = result.GetValue(typeArgument)!;
            var type = ResourceRegistry.FindByAnyName(CommandNames.GetValueOrDefault(typeName, typeName))
                ?? ResourceRegistry.FindByAnyName(char.ToUpperInvariant(typeName[0]) + typeName[1..])
                ?? throw new CliException($"unknown resource type \"{typeName}\"");
            if (type.Name == "Event")
                throw new CliException("events are addressed by entity and check: use 'sensuctl event info ENTITY CHECK --format yaml' and 'sensuctl create'");
            var name = result.GetValue(nameArgument)!;
            IResource resource;
            if (result.GetValue(blank))
            {
                resource = type.Create();
                resource.Metadata.Name = name;
                if (type.Namespaced)
                    resource.Metadata.Namespace = runtime.Namespace;
            }
            else
            {
                var spec = new ResourceSpec(typeName, typeName, [type]);
                resource = await ResourceCommandBuilder.GetAsync(runtime, spec, name, cancellationToken);
            }
            var json = result.GetValue(format) != "yaml";
            var original = json ? WrappedWriter.WriteWrappedJson([resource]) : WrappedWriter.WriteYaml([resource]);
            var file = Path.Combine(Path.GetTempPath(), $"sensuctl-{Guid.NewGuid():N}{(json ? ".json" : ".yaml")}");
            await File.WriteAllTextAsync(file, original, cancellationToken);
            try
            {
                await RunEditorAsync(runtime.Io, file, cancellationToken);
                var edited = await File.ReadAllTextAsync(file, cancellationToken);
                if (edited == original && !result.GetValue(blank))
                {
                    runtime.Printer.Message("Edit canceled, no changes made");
                    return 0;
                }
                var decoded = WrappedDecoder.DecodeAll(edited).ResourcesOrThrow();
                if (decoded.Count != 1)
                    throw new CliException($"expected exactly one resource in the edited file, found {decoded.Count}");
                var changed = decoded[0];
                if (changed.Type.Namespaced && string.IsNullOrEmpty(changed.Resource.Metadata.Namespace))
                    changed.Resource.Metadata.Namespace = runtime.Namespace;
                await runtime.Client.PutAsync(ResourcePaths.Item(changed.Type, changed.Resource), ApiBody.ToApiBody(changed.Resource), cancellationToken);
                runtime.Printer.Message("Updated " + ResourcePaths.Describe(changed.Type, changed.Resource));
                return 0;
            }
            finally
            {
                File.Delete(file);
            }
        }));
        return command;
    }

    private static async Task RunEditorAsync(CliIo io, string file, CancellationToken cancellationToken)
    {
        var editor = io.Env("VISUAL") ?? io.Env("EDITOR") ?? (OperatingSystem.IsWindows() ? "notepad.exe" : "vi");
        var parts = editor.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(parts[0]) { UseShellExecute = false };
        foreach (var arg in parts.Skip(1))
            start.ArgumentList.Add(arg);
        start.ArgumentList.Add(file);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new CliException($"cannot start editor \"{editor}\"");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CliException($"cannot start editor \"{editor}\": {ex.Message}", ex);
        }
        using (process)
        {
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                throw new CliException($"editor \"{editor}\" exited with code {process.ExitCode}; nothing saved");
        }
    }
}
