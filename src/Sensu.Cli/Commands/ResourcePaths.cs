using Sensu.Core.Meta;
using Sensu.Core.Registry;
using SensuEvent = Sensu.Core.Resources.Core.Event;

namespace Sensu.Cli.Commands;

/// <summary>Where a resource lives in the REST API (events are addressed by entity and check, not by name).</summary>
public static class ResourcePaths
{
    public static string Item(ResourceType type, IResource resource)
    {
        var ns = type.Namespaced ? resource.Metadata.Namespace : null;
        if (resource is Sensu.Core.Resources.Core.TessenConfig)
            return type.CollectionPath(null);
        if (resource is SensuEvent e)
        {
            var entity = e.Entity?.Metadata.Name;
            if (string.IsNullOrEmpty(entity) || string.IsNullOrEmpty(e.CheckName))
                throw new CliException("an event needs entity.metadata.name and check.metadata.name");
            return $"{type.CollectionPath(ns)}/{Uri.EscapeDataString(entity)}/{Uri.EscapeDataString(e.CheckName)}";
        }
        var name = resource.Metadata.Name;
        if (string.IsNullOrEmpty(name))
            throw new CliException($"{type.Name} has no name (metadata.name)");
        return type.ItemPath(ns, name);
    }

    /// <summary>Metrics-only events have no check to address them by: they are POSTed to the collection.</summary>
    public static bool PostToCollection(IResource resource) => resource is SensuEvent { Check: null, Entity: not null };

    /// <summary><c>Handler "pagerduty" in namespace "default"</c>, for messages.</summary>
    public static string Describe(ResourceType type, IResource resource)
    {
        var name = resource is SensuEvent e ? $"{e.Entity?.Metadata.Name}/{e.CheckName}" : resource.Metadata.Name;
        var text = $"{type.Name} \"{name}\"";
        return type.Namespaced ? $"{text} in namespace \"{resource.Metadata.Namespace}\"" : text;
    }
}
