namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>What a handler run came to (metrics label <c>outcome</c>).</summary>
public enum HandlerOutcome
{
    /// <summary>Delivered (pipe: exit status 0).</summary>
    Ok,

    /// <summary>A pipe handler ran and returned a non-zero status (logged, not a pipeline error, as in Sensu).</summary>
    NonZero,

    /// <summary>A pipe handler was killed at its timeout.</summary>
    TimedOut,

    /// <summary>The handler could not run or deliver (missing, secrets, assets, socket error).</summary>
    Error,
}
