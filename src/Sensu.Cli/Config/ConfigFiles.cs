using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sensu.Cli.Config;

/// <summary>
/// Reads and writes the <c>cluster</c> and <c>profile</c> files in sensuctl's config directory
/// (<c>--config-dir</c> &gt; <c>SENSU_CONFIG_DIR</c> &gt; <c>$XDG_CONFIG_HOME/sensu/sensuctl</c> &gt; <c>~/.config/sensu/sensuctl</c>).
/// </summary>
public sealed class ConfigFiles
{
    public const string ClusterFile = "cluster";
    public const string ProfileFile = "profile";

    public ConfigFiles(string directory) => Directory = directory;

    public string Directory { get; }

    public string ClusterPath => Path.Combine(Directory, ClusterFile);

    public string ProfilePath => Path.Combine(Directory, ProfileFile);

    /// <summary>The directory to use, given the <c>--config-dir</c> flag (may be null) and the environment.</summary>
    public static string ResolveDirectory(string? flag, Func<string, string?> env)
    {
        if (!string.IsNullOrEmpty(flag))
            return flag;
        var fromEnv = env("SENSU_CONFIG_DIR");
        if (!string.IsNullOrEmpty(fromEnv))
            return fromEnv;
        var xdg = env("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdg))
            return Path.Combine(xdg, "sensu", "sensuctl");
        if (OperatingSystem.IsWindows())
        {
            var appData = env("APPDATA");
            if (!string.IsNullOrEmpty(appData))
                return Path.Combine(appData, "sensu", "sensuctl");
        }
        var home = env("HOME");
        if (string.IsNullOrEmpty(home))
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".config", "sensu", "sensuctl");
    }

    public ClusterConfig LoadCluster() => Load(ClusterPath, CliJsonContext.Default.ClusterConfig) ?? new ClusterConfig();

    public ProfileConfig LoadProfile() => Load(ProfilePath, CliJsonContext.Default.ProfileConfig) ?? new ProfileConfig();

    public void Save(ClusterConfig cluster) => Save(ClusterPath, cluster, CliJsonContext.Default.ClusterConfig);

    public void Save(ProfileConfig profile) => Save(ProfilePath, profile, CliJsonContext.Default.ProfileConfig);

    private static T? Load<T>(string path, JsonTypeInfo<T> info) where T : class
    {
        if (!File.Exists(path))
            return null;
        try
        {
            var text = File.ReadAllText(path);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, info);
        }
        catch (JsonException ex)
        {
            throw new CliException($"config file {path} is not valid JSON: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new CliException($"cannot read config file {path}: {ex.Message}", ex);
        }
    }

    private void Save<T>(string path, T value, JsonTypeInfo<T> info)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var temp = path + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(value, info));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write config file {path}: {ex.Message}", ex);
        }
    }
}
