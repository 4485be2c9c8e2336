namespace Sensu.Agent.Configuration;

/// <summary>How a flag is given on the command line.</summary>
public enum AgentFlagKind
{
    /// <summary>One value.</summary>
    Text,

    /// <summary>A boolean that may be given without a value.</summary>
    Switch,

    /// <summary>Several values: the flag may repeat.</summary>
    List,
}
