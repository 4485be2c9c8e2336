using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Ansible;

/// <summary>Where <c>ansible-playbook</c> and the playbooks are, and whether a missing Ansible may be skipped.</summary>
public static class AnsibleEnvironment
{
    public const string PlaybookCommand = "ansible-playbook";

    /// <summary>The playbooks copied next to the test assembly from <c>tests/ansible</c>.</summary>
    public static string PlaybookDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "ansible");

    /// <summary>True when CI=true: then a missing Ansible is a failure, never a skip.</summary>
    public static bool IsCi { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Full path of <c>ansible-playbook</c> on PATH, or null.</summary>
    public static string? FindPlaybookCommand()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, PlaybookCommand);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    public static string MissingMessage =>
        $"{PlaybookCommand} is not on PATH. Install Debian's 'ansible' package (it ships the sensu.sensu_go collection) " +
        "and 'python3-bcrypt' (needed by sensu.sensu_go.user); .ci/run does this in CI.";
}
