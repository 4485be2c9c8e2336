using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Sensu.Core.Wrapped;

/// <summary>
/// Splits wrapped input (a file or stdin) into documents the way sensuctl does (core-spec §1.2): chunks separated
/// by lines starting with <c>---</c>; a chunk whose first non-blank character is <c>{</c> or <c>[</c> is a JSON
/// stream (several values back to back), any other chunk is YAML.
/// </summary>
public static partial class WrappedReader
{
    [GeneratedRegex(@"^\s*[\{\[]", RegexOptions.CultureInvariant)]
    private static partial Regex JsonStart();

    /// <summary>Reads all of <paramref name="reader"/> and splits it into documents.</summary>
    public static async Task<IReadOnlyList<WrappedDocument>> ReadAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var text = await reader.ReadToEndAsync(cancellationToken);
        return Read(text);
    }

    /// <summary>Splits <paramref name="text"/> into documents; syntax errors become documents with an error.</summary>
    public static IReadOnlyList<WrappedDocument> Read(string text)
    {
        var documents = new List<WrappedDocument>();
        if (text.StartsWith('\uFEFF'))
            text = text[1..];
        foreach (var (chunk, firstLine) in Chunks(text))
        {
            if (string.IsNullOrWhiteSpace(chunk))
                continue;
            if (JsonStart().IsMatch(chunk))
                ReadJson(chunk, firstLine, documents);
            else
                ReadYaml(chunk, firstLine, documents);
        }
        return documents;
    }

    private static IEnumerable<(string Chunk, int FirstLine)> Chunks(string text)
    {
        var current = new StringBuilder();
        var chunkLine = 1;
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                yield return (current.ToString(), chunkLine);
                current.Clear();
                chunkLine = lineNumber + 1;
                continue;
            }
            current.Append(line).Append('\n');
        }
        yield return (current.ToString(), chunkLine);
    }

    private static void ReadJson(string chunk, int firstLine, List<WrappedDocument> documents)
    {
        var bytes = Encoding.UTF8.GetBytes(chunk);
        var options = new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        var reader = new Utf8JsonReader(bytes, options);
        while (true)
        {
            var start = reader.BytesConsumed;
            try
            {
                if (!reader.Read())
                    return;
                start = reader.TokenStartIndex;
                var node = JsonNode.Parse(ref reader);
                Materialize(node);
                documents.Add(new WrappedDocument(documents.Count, firstLine + LinesBefore(bytes, start), node));
            }
            catch (ArgumentException ex)
            {
                var line = firstLine + LinesBefore(bytes, start);
                var error = new WrappedFormatException($"invalid JSON: duplicate key ({ex.Message})", documents.Count, line, innerException: ex);
                documents.Add(new WrappedDocument(documents.Count, line, null, error));
                return;
            }
            catch (JsonException ex)
            {
                var line = firstLine + (int)(ex.LineNumber ?? LinesBefore(bytes, start));
                var error = new WrappedFormatException($"invalid JSON: {Describe(ex)}", documents.Count, line);
                documents.Add(new WrappedDocument(documents.Count, firstLine + LinesBefore(bytes, start), null, error));
                return;
            }
        }
    }

    private static void ReadYaml(string chunk, int firstLine, List<WrappedDocument> documents)
    {
        try
        {
            foreach (var doc in YamlToJson.Load(chunk))
                documents.Add(new WrappedDocument(documents.Count, firstLine + doc.Line - 1, doc.Root));
        }
        catch (YamlException ex)
        {
            var line = firstLine + (int)ex.Start.Line - 1;
            var error = new WrappedFormatException($"invalid YAML: {ex.Message}", documents.Count, line, innerException: ex);
            documents.Add(new WrappedDocument(documents.Count, firstLine, null, error));
        }
    }

    /// <summary>JsonObject builds its dictionary lazily; do it now so that duplicate keys fail here, located.</summary>
    internal static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    Materialize(value);
                break;
            case JsonArray array:
                foreach (var item in array)
                    Materialize(item);
                break;
        }
    }

    private static int LinesBefore(byte[] bytes, long offset)
    {
        var count = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                count++;
        }
        return count;
    }

    /// <summary>System.Text.Json's message without its trailing "Path: … | LineNumber: …" part.</summary>
    internal static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }
}
