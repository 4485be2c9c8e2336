using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Sensu.Core.Resources.Core;
using CoreNetworkInterface = Sensu.Core.Resources.Core.NetworkInterface;

namespace Sensu.Execution.Host;

/// <summary>Collects the entity's <c>system</c> facts: host name, OS, platform, architecture, network interfaces.</summary>
public static class SystemFacts
{
    public static EntitySystem Collect(string osReleasePath = OsRelease.DefaultPath)
    {
        var system = new EntitySystem
        {
            Hostname = HostName(),
            Os = OsName(),
            Arch = Architecture(RuntimeInformation.OSArchitecture),
            Network = new Network { Interfaces = Interfaces() },
        };
        if (OperatingSystem.IsLinux())
        {
            var release = OsRelease.Read(osReleasePath);
            var id = release.GetValueOrDefault("ID", "");
            system.Platform = id;
            system.PlatformFamily = OsRelease.Family(id, release.GetValueOrDefault("ID_LIKE", ""));
            system.PlatformVersion = release.GetValueOrDefault("VERSION_ID", "");
            system.LibcType = File.Exists("/lib/ld-musl-x86_64.so.1") || File.Exists("/lib/ld-musl-aarch64.so.1") ? "musl" : "glibc";
        }
        else
        {
            system.Platform = system.Os;
            system.PlatformFamily = system.Os;
            system.PlatformVersion = Environment.OSVersion.Version.ToString();
        }
        if (RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm)
            system.ArmVersion = 7;
        system.FloatType = RuntimeInformation.OSArchitecture is System.Runtime.InteropServices.Architecture.Arm ? "hard" : null;
        return system;
    }

    public static string HostName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (SocketException)
        {
            return Environment.MachineName;
        }
    }

    public static string OsName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "darwin"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : RuntimeInformation.OSDescription.ToLowerInvariant();

    /// <summary>Go's GOARCH names.</summary>
    public static string Architecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        System.Runtime.InteropServices.Architecture.LoongArch64 => "loong64",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    private static List<CoreNetworkInterface> Interfaces()
    {
        var result = new List<CoreNetworkInterface>();
        System.Net.NetworkInformation.NetworkInterface[] nics;
        try
        {
            nics = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces();
        }
        catch (NetworkInformationException)
        {
            return result;
        }
        foreach (var nic in nics)
        {
            var bytes = nic.GetPhysicalAddress().GetAddressBytes();
            var item = new CoreNetworkInterface
            {
                Name = nic.Name,
                Mac = bytes.Length == 0 ? null : string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
            };
            try
            {
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var address = unicast.Address;
                    if (address.AddressFamily == AddressFamily.InterNetworkV6)
                        address.ScopeId = 0;
                    item.Addresses.Add($"{address}/{unicast.PrefixLength}");
                }
            }
            catch (NetworkInformationException)
            {
                // An interface that vanished while being read keeps its name only.
            }
            result.Add(item);
        }
        return result;
    }
}
