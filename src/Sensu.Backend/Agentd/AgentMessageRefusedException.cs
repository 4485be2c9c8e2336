namespace Sensu.Backend.Agentd;

/// <summary>An agent message that is not acceptable; the reason is logged, the session goes on.</summary>
public sealed class AgentMessageRefusedException(string message) : Exception(message);
