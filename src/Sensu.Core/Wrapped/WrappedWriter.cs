using System.Text;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;

namespace Sensu.Core.Wrapped;

/// <summary>Writes resources as <c>json</c>, <c>wrapped-json</c> or <c>yaml</c> text, in the order given.</summary>
public static class WrappedWriter
{
    public static string Write(WrappedFormat format, IEnumerable<IResource> resources) => format switch
    {
        WrappedFormat.Json => WriteJson(resources),
        WrappedFormat.WrappedJson => WriteWrappedJson(resources),
        WrappedFormat.Yaml => WriteYaml(resources),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };

    public static async Task WriteAsync(TextWriter output, WrappedFormat format, IEnumerable<IResource> resources, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Write(format, resources).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Wrapped JSON stream: one pretty-printed wrapper per resource, each followed by a newline.</summary>
    public static string WriteWrappedJson(IEnumerable<IResource> resources)
    {
        var text = new StringBuilder();
        foreach (var resource in resources)
            text.Append(JsonText.Write(WrappedEncoder.ToWrappedJson(resource))).Append('\n');
        return text.ToString();
    }

    /// <summary>YAML documents separated by <c>---</c> lines.</summary>
    public static string WriteYaml(IEnumerable<IResource> resources)
    {
        var text = new StringBuilder();
        foreach (var resource in resources)
        {
            if (text.Length > 0)
                text.Append("---\n");
            text.Append(JsonToYaml.Write(WrappedEncoder.ToWrappedJson(resource)));
        }
        return text.ToString();
    }

    /// <summary>A resource's bare JSON, pretty-printed.</summary>
    public static string WriteJson(IResource resource) => JsonText.Write(WrappedEncoder.ToBareJson(resource)) + "\n";

    /// <summary>A JSON array of bare resources, pretty-printed.</summary>
    public static string WriteJson(IEnumerable<IResource> resources)
    {
        var array = new JsonArray();
        foreach (var resource in resources)
            array.Add(WrappedEncoder.ToBareJson(resource));
        return JsonText.Write(array) + "\n";
    }
}
