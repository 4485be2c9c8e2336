namespace Sensu.Agent.Configuration;

/// <summary>A setting that cannot be read or is invalid; the message is shown to the operator as is.</summary>
public sealed class AgentSettingsException : Exception
{
    public AgentSettingsException(string message) : base(message) { }

    public AgentSettingsException(string message, Exception inner) : base(message, inner) { }

    public AgentSettingsException() { }
}
