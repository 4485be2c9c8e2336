using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Ansible;

/// <summary>
/// A fact that needs <c>ansible-playbook</c>. Outside CI a machine without Ansible skips it with the reason;
/// with CI=true it always runs, and the test itself fails with <see cref="AnsibleEnvironment.MissingMessage"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnsibleFactAttribute : FactAttribute
{
    public AnsibleFactAttribute()
    {
        if (!AnsibleEnvironment.IsCi && AnsibleEnvironment.FindPlaybookCommand() is null)
            Skip = AnsibleEnvironment.MissingMessage + " (skipped because CI is not 'true')";
    }
}
