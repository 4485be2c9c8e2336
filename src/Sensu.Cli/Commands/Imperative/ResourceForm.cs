using Sensu.Core.Meta;

namespace Sensu.Cli.Commands.Imperative;

/// <summary>The imperative form of one resource type: what <c>create</c> asks or takes from flags, and <c>update</c> edits.</summary>
public sealed record ResourceForm<T>(string Noun, IReadOnlyList<FormField<T>> Fields) where T : class, IResource, new()
{
    /// <summary>Checks across flags in non-interactive mode (e.g. <c>--interval</c> xor <c>--cron</c>); throws <see cref="CliException"/>.</summary>
    public Action<IReadOnlyDictionary<string, string>>? CheckFlags { get; init; }

    /// <summary>A fresh resource before fields are applied (Sensu's constructors set some defaults).</summary>
    public Func<T> New { get; init; } = () => new T();

    /// <summary>Runs after every field is applied (e.g. the handler socket from host and port).</summary>
    public Action<T, IReadOnlyDictionary<string, string>>? Finish { get; init; }

    public T Build(string name, string @namespace, IReadOnlyDictionary<string, string> values)
    {
        var resource = New();
        resource.Metadata.Name = name;
        resource.Metadata.Namespace = @namespace;
        Apply(resource, values);
        return resource;
    }

    public void Apply(T resource, IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in Fields)
        {
            if (values.TryGetValue(field.Flag, out var value))
                field.Apply(resource, value.Trim());
        }
        Finish?.Invoke(resource, values);
    }

    public Dictionary<string, string> Read(T resource) => Fields.ToDictionary(f => f.Flag, f => f.Read(resource), StringComparer.Ordinal);
}
