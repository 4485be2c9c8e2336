using Sensu.Backend.Hosting;
using Sensu.Backend.Secrets;
using Sensu.Core.Configuration;
using Sensu.Execution;

namespace Sensu.Backend.Tests.Secrets;

public sealed class ChildEnvironmentAllowListTests
{
    private static readonly Dictionary<string, string> Parent = new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = "/var/lib/sensu",
        ["LC_MESSAGES"] = "C",
        ["SHELL"] = "/bin/sh",
        ["SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD"] = "admin-pass-123",
        ["TZ"] = "admin-pass-123",
        ["SENSU_PAGERDUTY_KEY"] = "pd-key-456",
    };

    [Fact]
    public void Unset_means_the_default_list_and_empty_means_none()
    {
        Assert.Equal(ChildEnvironmentPolicy.DefaultAllowList, ChildEnvironmentAllowList.Parse(null));
        Assert.Empty(ChildEnvironmentAllowList.Parse(""));
        Assert.Equal(["PATH", "LC_MESSAGES"], ChildEnvironmentAllowList.Parse(" PATH , LC_MESSAGES,,PATH"));
    }

    [Fact]
    public void The_policy_passes_the_list_but_never_a_backend_credential_value()
    {
        var selected = ChildEnvironmentAllowList.Policy("PATH,LC_MESSAGES,TZ", ["admin-pass-123"]).Select(Parent);

        // TZ is allow-listed but holds the admin password: dropped by value.
        Assert.Equal(["LC_MESSAGES", "PATH"], selected.Keys);
        Assert.Equal(["HOME", "PATH", "TZ"], ChildEnvironmentAllowList.Policy(null, []).Select(Parent).Keys);
        Assert.Empty(ChildEnvironmentAllowList.Policy("", []).Select(Parent).Entries);
    }

    [Theory]
    [InlineData("PATH,SENSU_PAGERDUTY_KEY", "SENSU_PAGERDUTY_KEY may hold a secret the Env secrets provider serves")]
    [InlineData("SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD", "SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD is a backend setting")]
    [InlineData("PATH,not-a-name", "\"not-a-name\" is not an environment variable name")]
    public void A_name_that_may_hold_a_secret_is_refused_at_start(string list, string problem)
    {
        // Choice (issue 16): refusing at start rather than dropping silently, so the operator learns to grant it with a Secret.
        var error = Assert.Throws<SettingsException>(() => ChildEnvironmentAllowList.Policy(list, []));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(ChildEnvironmentAllowList.Flag, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_flag_its_variable_and_backend_yml_set_it_and_settings_validation_refuses_a_bad_name()
    {
        var file = Path.Combine(Path.GetTempPath(), "sensu-child-env-" + Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(file, "child-env-allow-list:\n  - PATH\n  - LC_CTYPE\n");
        try
        {
            Assert.Equal("PATH,TZ", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = file, ["child-env-allow-list"] = "PATH,TZ" }, _ => null).ChildEnvAllowList);
            Assert.Equal("PATH,LC_CTYPE", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = file }, _ => null).ChildEnvAllowList);
            Assert.Equal("HOME", BackendSettings.Load(new Dictionary<string, string> { ["config-file"] = file },
                name => name == "SENSU_BACKEND_CHILD_ENV_ALLOW_LIST" ? "HOME" : null).ChildEnvAllowList);
            var error = Assert.Throws<SettingsException>(() => BackendSettings.Load(
                new Dictionary<string, string> { ["config-file"] = file },
                name => name == "SENSU_BACKEND_CHILD_ENV_ALLOW_LIST" ? "PATH,MY_TOKEN" : null));
            Assert.Contains("MY_TOKEN may hold a secret", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
