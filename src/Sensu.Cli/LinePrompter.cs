namespace Sensu.Cli;

/// <summary>Prompts by writing the question and reading one line (scripts and tests); empty answers take the default.</summary>
public sealed class LinePrompter(TextReader input, TextWriter output) : IPrompter
{
    public string Ask(string question, string? defaultValue, bool secret)
    {
        output.Write(defaultValue is null ? $"? {question}: " : $"? {question} ({defaultValue}): ");
        output.Flush();
        var line = input.ReadLine() ?? throw new CliException($"no answer for \"{question}\": input ended");
        output.WriteLine();
        return line.Length == 0 && defaultValue is not null ? defaultValue : line;
    }
}
