namespace Sensu.Cli;

/// <summary>Asks the operator one question; <paramref name="secret"/> hides the answer as it is typed.</summary>
public interface IPrompter
{
    string Ask(string question, string? defaultValue, bool secret);
}
