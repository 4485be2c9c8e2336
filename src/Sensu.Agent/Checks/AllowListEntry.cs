namespace Sensu.Agent.Checks;

/// <summary>
/// One entry of the agent allow list (Sensu's <c>allow-list</c> file): the executable, optional SHA-512 of it,
/// optional exact arguments, and whether the check's own <c>env_vars</c> are kept.
/// </summary>
public sealed class AllowListEntry
{
    public string Exec { get; set; } = "";

    public string? Sha512 { get; set; }

    public List<string> Args { get; set; } = [];

    public bool EnableEnv { get; set; }
}
