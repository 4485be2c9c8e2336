using Sensu.Cli.Client;
using Sensu.Core.Wrapped;
using Spectre.Console;

namespace Sensu.Cli.Commands.Create;

/// <summary>
/// Sends decoded resources one by one (PUT for create, DELETE for delete), reporting each. Namespace precedence
/// for namespaced resources: the resource's own, then <c>--namespace</c>, then the profile's (core-spec §1.2 item 7).
/// Stops at the first failure, naming the document index, type, name and the server's message.
/// </summary>
public sealed class ResourceApplier(CommandRuntime runtime)
{
    public const string ManagedByLabel = "sensu.io/managed_by";
    public const string ManagedBy = "sensuctl";

    /// <summary>Above this many resources a progress bar is shown on a terminal.</summary>
    public const int ProgressThreshold = 25;

    public async Task<int> ApplyAsync(ResourceBatch batch, bool delete, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch = batch with { Resources = OwnUserLast(batch.Resources, runtime.Settings.Profile.Username) };
        var done = 0;
        if (runtime.Io.OutputIsTerminal && batch.Resources.Count > ProgressThreshold)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask(delete ? "deleting" : "creating", maxValue: batch.Resources.Count);
                foreach (var decoded in batch.Resources)
                {
                    await ApplyOneAsync(decoded, delete, quiet: true, cancellationToken);
                    task.Increment(1);
                    done++;
                }
            });
            runtime.Printer.Message($"{(delete ? "deleted" : "created")} {Output.ResourcePrinter.Plural(done, "resource")}");
        }
        else
        {
            foreach (var decoded in batch.Resources)
                await ApplyOneAsync(decoded, delete, quiet: false, cancellationToken);
        }
        if (batch.Error is not null)
            throw new CliException(batch.Resources.Count == 0 ? batch.Error : $"{batch.Error} (the {batch.Resources.Count} resource(s) before it were {(delete ? "deleted" : "created")})");
        return 0;
    }

    /// <summary>
    /// The resources in order, except that the signed-in user's own User (a restored dump carries its password hash) is
    /// written last: a new password ends that user's sessions, this one included, so nothing may come after it.
    /// </summary>
    internal static IReadOnlyList<DecodedResource> OwnUserLast(IReadOnlyList<DecodedResource> resources, string? username)
    {
        if (string.IsNullOrEmpty(username))
            return resources;
        static bool IsOwn(DecodedResource r, string name) => r.Resource is Sensu.Core.Resources.Core.User u && u.Username == name;
        if (!resources.Any(r => IsOwn(r, username)))
            return resources;
        return [.. resources.Where(r => !IsOwn(r, username)), .. resources.Where(r => IsOwn(r, username))];
    }

    private async Task ApplyOneAsync(DecodedResource decoded, bool delete, bool quiet, CancellationToken cancellationToken)
    {
        var type = decoded.Type;
        var resource = decoded.Resource;
        if (type.Namespaced && string.IsNullOrEmpty(resource.Metadata.Namespace))
        {
            if (resource is Sensu.Core.Resources.Core.Event e)
                e.SetNamespace(runtime.Namespace);
            else
                resource.Metadata.Namespace = runtime.Namespace;
        }
        if (!delete)
        {
            resource.Metadata.Labels ??= [];
            resource.Metadata.Labels[ManagedByLabel] = ManagedBy;
        }
        var what = ResourcePaths.Describe(type, resource);
        try
        {
            if (!delete && ResourcePaths.PostToCollection(resource))
                await runtime.Client.PostAsync(type.CollectionPath(resource.Metadata.Namespace), ApiBody.ToApiBody(resource), cancellationToken);
            else if (ResourcePaths.Item(type, resource) is var path && delete)
                await runtime.Client.DeleteAsync(path, cancellationToken);
            else
                await runtime.Client.PutAsync(path, ApiBody.ToApiBody(resource), cancellationToken);
        }
        catch (Exception ex) when (ex is ApiException or CliException)
        {
            throw new CliException($"document {decoded.Index} (line {decoded.Line}): {what}: {(delete ? "delete" : "create")} failed: {ex.Message}", ex);
        }
        if (!quiet)
            runtime.Printer.Message($"{(delete ? "Deleted" : "Created")} {what}");
    }
}
