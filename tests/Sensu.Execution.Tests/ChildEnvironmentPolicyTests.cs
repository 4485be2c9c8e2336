using Sensu.Execution;

namespace Sensu.Execution.Tests;

public sealed class ChildEnvironmentPolicyTests
{
    private static readonly Dictionary<string, string> Parent = new(StringComparer.Ordinal)
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = "/home/sensu",
        ["http_proxy"] = "http://proxy:3128",
        ["HTTPS_PROXY"] = "http://proxy:3129",
        ["SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD"] = "admin-secret",
        ["DATABASE_TOKEN"] = "db-secret",
        ["COPY_OF_PASSWORD"] = "agent-secret",
        ["SENSU_PASSWORD"] = "agent-secret",
        ["SENSU_USER"] = "agent",
    };

    [Fact]
    public void Default_passes_only_the_default_allow_list_in_both_cases()
    {
        var selected = ChildEnvironmentPolicy.Default.Select(Parent);

        Assert.Equal(["HOME", "HTTPS_PROXY", "PATH", "http_proxy"], selected.Keys);
        Assert.Contains("PATH=/usr/bin:/bin", selected.Entries);
        Assert.Contains("NO_PROXY", ChildEnvironmentPolicy.DefaultAllowList);
        Assert.Contains("no_proxy", ChildEnvironmentPolicy.DefaultAllowList);
        Assert.Equal(14, ChildEnvironmentPolicy.DefaultAllowList.Count);
    }

    [Fact]
    public void Excluded_prefixes_names_and_values_win_over_the_allow_list()
    {
        var policy = ChildEnvironmentPolicy.AllowOnly(["PATH", "HOME", "SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD", "DATABASE_TOKEN"])
            .ExcludingPrefixes(["SENSU_BACKEND_"])
            .ExcludingNames(["DATABASE_TOKEN"])
            .ExcludingValues(["/home/sensu", null, ""]);

        Assert.Equal(["PATH"], policy.Select(Parent).Keys);
        Assert.False(policy.Passes("SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD", "x"));
        Assert.True(policy.Passes("HOME", "/root"));
    }

    [Fact]
    public void Inherit_all_keeps_everything_but_what_is_excluded()
    {
        var policy = ChildEnvironmentPolicy.InheritAll().ExcludingNames(["SENSU_PASSWORD"]).ExcludingValues(["agent-secret"]);

        var keys = policy.Select(Parent).Keys.ToList();

        Assert.Null(policy.AllowList);
        Assert.Contains("SENSU_USER", keys);
        Assert.Contains("DATABASE_TOKEN", keys);
        Assert.DoesNotContain("SENSU_PASSWORD", keys);
        Assert.DoesNotContain("COPY_OF_PASSWORD", keys);
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        var policy = ChildEnvironmentPolicy.AllowOnly(["PATH"]);

        Assert.True(policy.Passes("PATH", "/bin"));
        Assert.False(policy.Passes("Path", "/bin"));
    }

    [Fact]
    public void Selecting_from_the_process_reads_this_process()
    {
        var name = "SENSU_POLICY_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "present");
        try
        {
            Assert.Contains(name + "=present", ChildEnvironmentPolicy.AllowOnly([name]).SelectFromProcess().Entries);
            Assert.DoesNotContain(ChildEnvironmentPolicy.Default.SelectFromProcess().Keys, k => k == name);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
