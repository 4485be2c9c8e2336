namespace Sensu.Execution.Host;

/// <summary>Reads <c>/etc/os-release</c> (<c>KEY=value</c> lines, optionally quoted) into platform facts.</summary>
public static class OsRelease
{
    public const string DefaultPath = "/etc/os-release";

    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return values;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || eq <= 0)
                continue;
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
                value = value[1..^1];
            values[line[..eq]] = value;
        }
        return values;
    }

    /// <summary>gopsutil's platform family for a distribution id (debian, rhel, fedora, suse, arch, alpine, ...).</summary>
    public static string Family(string id, string idLike) => id switch
    {
        "debian" or "ubuntu" or "linuxmint" or "raspbian" => "debian",
        "rhel" or "centos" or "redhat" or "oracle" or "ol" or "scientific" or "amzn" or "almalinux" or "rocky" => "rhel",
        "fedora" => "fedora",
        "suse" or "opensuse" or "opensuse-leap" or "opensuse-tumbleweed" or "sles" => "suse",
        "gentoo" => "gentoo",
        "arch" or "archlinux" or "manjaro" => "arch",
        "alpine" => "alpine",
        _ => idLike.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } like ? Family(like, "") : id,
    };
}
