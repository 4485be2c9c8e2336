using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Ansible;

/// <summary>Exit code and combined output of one <c>ansible-playbook</c> run.</summary>
public sealed record PlaybookResult(int ExitCode, string Output, bool TimedOut);
