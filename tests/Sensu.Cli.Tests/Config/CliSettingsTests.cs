using Sensu.Cli.Commands;
using Sensu.Cli.Config;
using Sensu.Cli.Output;

namespace Sensu.Cli.Tests.Config;

public sealed class CliSettingsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensuctl-settings-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _env = new(StringComparer.Ordinal);

    private CliIo Io => new()
    {
        In = TextReader.Null,
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        GetEnvironmentVariable = n => _env.GetValueOrDefault(n),
    };

    [Fact]
    public void ConfigDirectory_FlagThenEnvThenXdgThenHome()
    {
        Assert.Equal("/flag", ConfigFiles.ResolveDirectory("/flag", n => n == "SENSU_CONFIG_DIR" ? "/env" : null));
        Assert.Equal("/env", ConfigFiles.ResolveDirectory(null, n => n switch { "SENSU_CONFIG_DIR" => "/env", "XDG_CONFIG_HOME" => "/xdg", _ => null }));
        Assert.Equal(Path.Combine("/xdg", "sensu", "sensuctl"), ConfigFiles.ResolveDirectory(null, n => n switch { "XDG_CONFIG_HOME" => "/xdg", "HOME" => "/home/u", _ => null }));
        Assert.Equal(Path.Combine("/home/u", ".config", "sensu", "sensuctl"), ConfigFiles.ResolveDirectory(null, n => n == "HOME" ? "/home/u" : null));
    }

    [Fact]
    public void Values_FlagThenEnvThenFileThenDefault()
    {
        var files = new ConfigFiles(_dir);
        files.Save(new ClusterConfig { ApiUrl = "http://file:8080", Timeout = 30_000_000_000, ApiKey = "file-key" });
        files.Save(new ProfileConfig { Namespace = "file-ns", Format = "json" });

        var fromFile = CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io);
        Assert.Equal("http://file:8080", fromFile.ApiUrl);
        Assert.Equal("file-ns", fromFile.Namespace);
        Assert.Equal(OutputFormat.Json, fromFile.Format);
        Assert.Equal(TimeSpan.FromSeconds(30), fromFile.Timeout);
        Assert.Equal("file-key", fromFile.ApiKey);

        _env["SENSU_API_URL"] = "http://env:8080";
        _env["SENSU_NAMESPACE"] = "env-ns";
        _env["SENSU_FORMAT"] = "yaml";
        _env["SENSU_TIMEOUT"] = "5s";
        _env["SENSU_API_KEY"] = "env-key";
        _env["SENSU_INSECURE_SKIP_TLS_VERIFY"] = "true";
        var fromEnv = CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io);
        Assert.Equal("http://env:8080", fromEnv.ApiUrl);
        Assert.Equal("env-ns", fromEnv.Namespace);
        Assert.Equal(OutputFormat.Yaml, fromEnv.Format);
        Assert.Equal(TimeSpan.FromSeconds(5), fromEnv.Timeout);
        Assert.Equal("env-key", fromEnv.ApiKey);
        Assert.True(fromEnv.InsecureSkipTlsVerify);

        var fromFlags = CliSettings.Resolve(new GlobalValues("http://flag:8080", "flag-key", _dir, "flag-ns", "1m", null, false), Io);
        Assert.Equal("http://flag:8080", fromFlags.ApiUrl);
        Assert.Equal("flag-ns", fromFlags.Namespace);
        Assert.Equal(TimeSpan.FromMinutes(1), fromFlags.Timeout);
        Assert.Equal("flag-key", fromFlags.ApiKey);
        Assert.False(fromFlags.InsecureSkipTlsVerify);
    }

    [Fact]
    public void Defaults_WithoutFiles()
    {
        var settings = CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io);

        Assert.Equal(CliSettings.DefaultApiUrl, settings.ApiUrl);
        Assert.Equal("default", settings.Namespace);
        Assert.Equal(OutputFormat.Tabular, settings.Format);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.Timeout);
        Assert.Null(settings.AccessToken);
    }

    [Fact]
    public void AccessTokenFromEnvironment_WinsOverFile()
    {
        new ConfigFiles(_dir).Save(new ClusterConfig { AccessToken = "file", RefreshToken = "file-r", ExpiresAt = 10 });
        _env["SENSU_ACCESS_TOKEN"] = "env";
        _env["SENSU_ACCESS_TOKEN_EXPIRES_AT"] = "20";
        _env["SENSU_REFRESH_TOKEN"] = "env-r";

        var settings = CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io);

        Assert.Equal(("env", 20L, "env-r"), (settings.AccessToken, settings.ExpiresAt, settings.RefreshToken));
        Assert.True(settings.TokensFromEnvironment);
    }

    [Fact]
    public void ClusterFile_UsesSensuFieldNames()
    {
        var files = new ConfigFiles(_dir);
        files.Save(new ClusterConfig { ApiUrl = "http://x:8080", AccessToken = "a", RefreshToken = "r", ExpiresAt = 5, InsecureSkipTlsVerify = true, TrustedCaFile = "/ca.pem" });

        var text = File.ReadAllText(files.ClusterPath);

        foreach (var key in new[] { "\"api-url\"", "\"access_token\"", "\"refresh_token\"", "\"expires_at\"", "\"insecure-skip-tls-verify\"", "\"trusted-ca-file\"" })
            Assert.Contains(key, text);
        Assert.Equal("http://x:8080", files.LoadCluster().ApiUrl);
    }

    [Fact]
    public void BadValues_AreOperatorErrors()
    {
        _env["SENSU_FORMAT"] = "xml";
        Assert.Throws<CliException>(() => CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io));
        Assert.Throws<CliException>(() => CliSettings.ParseDuration("soon"));
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(_dir).FullName, "cluster"), "{not json");
        _env.Remove("SENSU_FORMAT");
        Assert.Throws<CliException>(() => CliSettings.Resolve(new GlobalValues(ConfigDir: _dir), Io));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
