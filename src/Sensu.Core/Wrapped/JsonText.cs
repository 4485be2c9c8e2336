using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sensu.Core.Wrapped;

/// <summary>Writes JSON trees as text: pretty-printed (2 spaces) or compact, without escaping <c>&lt; &gt; &amp; '</c>.</summary>
public static class JsonText
{
    public static string Write(JsonNode? node, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            if (node is null)
                writer.WriteNullValue();
            else
                node.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static byte[] WriteUtf8(JsonNode? node, bool indented = false) => Encoding.UTF8.GetBytes(Write(node, indented));
}
