using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Ansible;

/// <summary>
/// Issue 2 acceptance: the unmodified sensu.sensu_go collection (Debian's ansible) against the real backend.
/// Each playbook in tests/ansible asserts create → changed, repeat → not changed, _info, update, delete, gone.
/// </summary>
[Trait("Category", "Ansible")]
public sealed class AnsibleCollectionTests(BackendFixture fixture, ITestOutputHelper output) : IClassFixture<BackendFixture>
{
    private static readonly TimeSpan PlaybookTimeout = TimeSpan.FromMinutes(15);

    [AnsibleFact]
    public Task Rbac_namespaces_users_roles_and_bindings() => RunPlaybookAsync("rbac.yml");

    [AnsibleFact]
    public Task Core_assets_checks_filters_hooks_mutators_handlers_silences_entities_events() => RunPlaybookAsync("core.yml");

    [AnsibleFact]
    public Task Secrets_env_and_vault_providers_and_secrets() => RunPlaybookAsync("secrets.yml");

    [AnsibleFact]
    public Task Every_module_minimal_and_maximal_parameter_sets_are_idempotent() => RunPlaybookAsync("params.yml");

    private async Task RunPlaybookAsync(string playbook)
    {
        var command = AnsibleEnvironment.FindPlaybookCommand();
        if (command is null)
            Assert.Fail(AnsibleEnvironment.MissingMessage);

        var backend = fixture.Backend;
        var result = await PlaybookRunner.RunAsync(command, playbook, backend, PlaybookTimeout, CancellationToken.None);
        output.WriteLine(result.Output);
        if (result.ExitCode != 0)
        {
            Assert.Fail(
                $"ansible-playbook {playbook} {(result.TimedOut ? "timed out" : "exited with " + result.ExitCode)}\n" +
                $"----- playbook output (tail; full output in the test log) -----\n{Tail(result.Output, 12000)}\n" +
                $"----- backend log (tail) -----\n{backend.Log.Tail(6000)}");
        }
    }

    private static string Tail(string text, int maxChars) =>
        text.Length <= maxChars ? text : "…" + text[^maxChars..];
}
