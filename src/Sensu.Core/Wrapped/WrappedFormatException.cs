using System.Text;

namespace Sensu.Core.Wrapped;

/// <summary>
/// A wrapped document that could not be read or decoded. The message reads like
/// <c>document 2 (line 14): CheckConfig: spec.interval: expected a number, got a string</c>.
/// </summary>
public sealed class WrappedFormatException : Exception
{
    public WrappedFormatException(string detail, int? documentIndex = null, int? line = null, string? typeName = null, string? path = null, Exception? innerException = null)
        : base(Compose(detail, documentIndex, line, typeName, path), innerException)
    {
        Detail = detail;
        DocumentIndex = documentIndex;
        Line = line;
        TypeName = typeName;
        Path = path;
    }

    /// <summary>What is wrong, without location.</summary>
    public string Detail { get; }

    /// <summary>0-based index of the document in the input, when the error belongs to one.</summary>
    public int? DocumentIndex { get; }

    /// <summary>1-based line in the input where the document (or the syntax error) starts.</summary>
    public int? Line { get; }

    /// <summary>The wrapper's <c>type</c>, when known.</summary>
    public string? TypeName { get; }

    /// <summary>Field path such as <c>spec.interval</c>, when known.</summary>
    public string? Path { get; }

    /// <summary>The same error attributed to a document (used when a lower layer did not know where it was).</summary>
    public WrappedFormatException At(int documentIndex, int line) =>
        new(Detail, documentIndex, Line ?? line, TypeName, Path, InnerException);

    private static string Compose(string detail, int? index, int? line, string? typeName, string? path)
    {
        var text = new StringBuilder();
        if (index is not null)
        {
            text.Append("document ").Append(index.Value);
            if (line is not null)
                text.Append(" (line ").Append(line.Value).Append(')');
            text.Append(": ");
        }
        else if (line is not null)
        {
            text.Append("line ").Append(line.Value).Append(": ");
        }
        if (!string.IsNullOrEmpty(typeName))
            text.Append(typeName).Append(": ");
        if (!string.IsNullOrEmpty(path))
            text.Append(path).Append(": ");
        return text.Append(detail).ToString();
    }
}
