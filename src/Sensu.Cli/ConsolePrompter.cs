using Spectre.Console;

namespace Sensu.Cli;

/// <summary>Prompts on the real terminal with Spectre.Console (hidden input for secrets).</summary>
public sealed class ConsolePrompter : IPrompter
{
    public string Ask(string question, string? defaultValue, bool secret)
    {
        var prompt = new TextPrompt<string>($"[green]?[/] {Markup.Escape(question)}:");
        if (defaultValue is not null)
            prompt.DefaultValue(defaultValue);
        if (secret)
            prompt.Secret();
        return AnsiConsole.Prompt(prompt);
    }
}
