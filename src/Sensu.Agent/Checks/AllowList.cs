using System.Security.Cryptography;
using Sensu.Agent.Configuration;
using Sensu.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sensu.Agent.Checks;

/// <summary>
/// The commands this agent may run (<c>--allow-list</c>, YAML or JSON list of <see cref="AllowListEntry"/>).
/// A command is allowed when its first word equals an entry's <c>exec</c>, its remaining words equal the entry's
/// <c>args</c> (when the entry lists any) and the executable's SHA-512 equals the entry's <c>sha512</c> (when given).
/// </summary>
public sealed class AllowList
{
    private readonly IReadOnlyList<AllowListEntry> _entries;

    public AllowList(IReadOnlyList<AllowListEntry> entries) => _entries = entries;

    public IReadOnlyList<AllowListEntry> Entries => _entries;

    public static AllowList Load(string path)
    {
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            var entries = deserializer.Deserialize<List<AllowListEntry>?>(File.ReadAllText(path)) ?? [];
            return new AllowList(entries);
        }
        catch (YamlException ex)
        {
            throw new SettingsException($"allow-list \"{path}\": line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new SettingsException($"allow-list \"{path}\": {ex.Message}", ex);
        }
    }

    /// <summary>The matching entry, or null when the command is not allowed.</summary>
    public AllowListEntry? Match(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        foreach (var entry in _entries)
        {
            if (!string.Equals(entry.Exec, words[0], StringComparison.Ordinal))
                continue;
            var args = entry.Args.Where(a => a.Length > 0).ToList();
            if (args.Count > 0 && !args.SequenceEqual(words.Skip(1), StringComparer.Ordinal))
                continue;
            if (!string.IsNullOrEmpty(entry.Sha512) && !Sha512Matches(entry.Exec, entry.Sha512))
                continue;
            return entry;
        }
        return null;
    }

    private static bool Sha512Matches(string exec, string expected)
    {
        var path = File.Exists(exec) ? exec : FindOnPath(exec);
        if (path is null)
            return false;
        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(SHA512.HashData(stream));
        return string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static string? FindOnPath(string exec)
    {
        if (exec.Contains('/', StringComparison.Ordinal))
            return null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, exec))
            .FirstOrDefault(File.Exists);
    }
}
