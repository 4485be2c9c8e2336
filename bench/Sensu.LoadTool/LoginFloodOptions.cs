namespace Sensu.LoadTool;

/// <summary>
/// <c>sensu-load login-flood</c>: how many clients flood <c>/auth</c> with wrong passwords, from how many loopback
/// addresses, and how the probe's cheap authenticated call is timed (idle and flood phases alternate).
/// </summary>
public sealed class LoginFloodOptions
{
    public Uri ApiUrl { get; set; } = new("http://127.0.0.1:8080");

    public string AdminUser { get; set; } = "admin";

    public string AdminPassword { get; set; } = "P@ssw0rd!";

    /// <summary>Concurrent clients sending wrong passwords.</summary>
    public int Clients { get; set; } = 16;

    /// <summary>
    /// Source addresses (127.0.x.y, Linux routes all of 127/8 to loopback) the flood rotates through, one per request,
    /// with a new user name each time: a distributed guesser the per-address and per-name throttles cannot stop, so
    /// every attempt costs a bcrypt. 1 sends everything from 127.0.0.1 (the address throttle answers 429).
    /// </summary>
    public int Addresses { get; set; } = 4000;

    /// <summary>Idle + flood rounds.</summary>
    public int Rounds { get; set; } = 3;

    /// <summary>Seconds per phase.</summary>
    public int PhaseSeconds { get; set; } = 10;

    /// <summary>The probed call.</summary>
    public string ProbePath { get; set; } = "/api/core/v2/namespaces";

    /// <summary>Pause between probes, milliseconds.</summary>
    public int ProbePauseMs { get; set; } = 10;
}
