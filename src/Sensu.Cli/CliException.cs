namespace Sensu.Cli;

/// <summary>An error meant for the operator: printed as one <c>Error: ...</c> line, exit code 1.</summary>
public sealed class CliException : Exception
{
    public CliException(string message) : base(message) { }

    public CliException(string message, Exception? innerException) : base(message, innerException) { }

    public CliException() { }
}
