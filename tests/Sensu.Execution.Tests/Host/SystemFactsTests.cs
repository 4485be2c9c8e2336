using Sensu.Execution.Host;

namespace Sensu.Execution.Tests.Host;

public sealed class SystemFactsTests
{
    [Fact]
    public void System_facts_describe_this_host()
    {
        var system = SystemFacts.Collect();

        Assert.Equal(System.Net.Dns.GetHostName(), system.Hostname);
        Assert.Equal("linux", system.Os);
        Assert.Contains(system.Arch, new[] { "amd64", "arm64", "386", "arm" });
        Assert.False(string.IsNullOrEmpty(system.Platform));
        Assert.Contains(system.Network.Interfaces, i => i.Name == "lo" && i.Addresses.Contains("127.0.0.1/8"));
    }

    [Fact]
    public void Os_release_is_read_with_quotes_and_family()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID=\"24.04\"\n# comment\n");
            var values = OsRelease.Read(path);
            Assert.Equal("ubuntu", values["ID"]);
            Assert.Equal("24.04", values["VERSION_ID"]);
            Assert.Equal("debian", OsRelease.Family("ubuntu", ""));
            Assert.Equal("rhel", OsRelease.Family("rocky", "rhel centos fedora"));
            Assert.Equal("debian", OsRelease.Family("pop", "ubuntu debian"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
