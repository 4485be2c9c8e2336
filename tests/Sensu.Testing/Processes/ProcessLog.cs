using System.Text;

namespace Sensu.Testing.Processes;

/// <summary>Thread-safe capture of a child process's stdout and stderr lines, for failure messages.</summary>
public sealed class ProcessLog
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();

    public void Add(string stream, string? line)
    {
        if (line is null)
            return;
        lock (_gate)
            _text.Append(stream).Append("| ").AppendLine(line);
    }

    public string Text()
    {
        lock (_gate)
            return _text.ToString();
    }

    /// <summary>The last <paramref name="maxChars"/> characters, so a huge log does not drown an assertion message.</summary>
    public string Tail(int maxChars)
    {
        var text = Text();
        return text.Length <= maxChars ? text : "…" + text[^maxChars..];
    }
}
