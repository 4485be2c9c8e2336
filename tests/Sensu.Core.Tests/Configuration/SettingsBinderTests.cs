using Sensu.Core.Configuration;

namespace Sensu.Core.Tests.Configuration;

/// <summary>The binder both programs share: Sensu's precedence (flag, variable, config file, default), then validation.</summary>
public sealed class SettingsBinderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-binder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Without_flags_variables_or_file_the_defaults_stay()
    {
        var options = SettingsBinder.Bind(SampleFlags.Table(Path.Combine(_dir, "absent.yml")), Flags(), NoEnv);
        Assert.Equal("default-name", options.Name);
        Assert.Equal(3000, options.Port);
        Assert.Equal(["ws://default"], options.Urls);
    }

    [Fact]
    public void Flag_beats_variable_beats_file_beats_default()
    {
        var file = Write("name: from-file\nport: 1\nverbose: true\nurl: [ws://a, ws://b]\nlabels:\n  region: eu\nretry: 500ms\n");
        var env = new Dictionary<string, string> { ["SENSU_SAMPLE_NAME"] = "from-env", ["SENSU_SAMPLE_PORT"] = "2" };

        var options = SettingsBinder.Bind(SampleFlags.Table(file), Flags(("name", "from-flag")), env.GetValueOrDefault);

        Assert.Equal("from-flag", options.Name);
        Assert.Equal(2, options.Port);
        Assert.True(options.Verbose);
        Assert.Equal(["ws://a", "ws://b"], options.Urls);
        Assert.Equal("eu", options.Labels["region"]);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Retry);
        Assert.Equal("full", options.Mode);
    }

    [Fact]
    public void The_config_file_is_named_by_its_flag_or_its_variable()
    {
        var named = Write("port: 7\n", "named.yml");
        var table = SampleFlags.Table(Write("port: 5\n", "default.yml"));

        Assert.Equal(5, SettingsBinder.Bind(table, Flags(), NoEnv).Port);
        Assert.Equal(7, SettingsBinder.Bind(table, Flags(("config-file", named)), NoEnv).Port);
        Assert.Equal(7, SettingsBinder.Bind(table, Flags(), v => v == "SENSU_SAMPLE_CONFIG_FILE" ? named : null).Port);
        Assert.Equal("SENSU_SAMPLE_CONFIG_FILE", table.ConfigFileVariable);
    }

    [Fact]
    public void A_named_config_file_that_does_not_exist_is_an_error_a_missing_default_is_not()
    {
        var missing = Path.Combine(_dir, "missing.yml");
        var error = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(SampleFlags.Table(missing), Flags(("config-file", missing)), NoEnv));
        Assert.Equal($"config file \"{missing}\" does not exist", error.Message);
        Assert.Equal(3000, SettingsBinder.Bind(SampleFlags.Table(missing), Flags(), NoEnv).Port);
    }

    [Theory]
    [InlineData("port: [unclosed\n", "line")]
    [InlineData("- a\n- b\n", "expected a mapping of setting names to values")]
    public void A_malformed_config_file_names_the_file(string yaml, string problem)
    {
        var file = Write(yaml);
        var error = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(SampleFlags.Table(file), Flags(), NoEnv));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("port", "eighty", "invalid value \"eighty\" for port")]
    [InlineData("verbose", "maybe", "invalid value \"maybe\" for verbose: expected true or false")]
    [InlineData("labels", "novalue", "invalid value \"novalue\" for labels: expected key=value")]
    [InlineData("mode", "sometimes", "invalid value \"sometimes\" for mode: expected full or normal")]
    [InlineData("port", "70000", "port must be between 0 and 65535")]
    public void A_bad_value_names_its_setting(string flag, string value, string message)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(SampleFlags.Table(Path.Combine(_dir, "none.yml")), Flags((flag, value)), NoEnv));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_choice_is_read_in_any_case()
    {
        var options = SettingsBinder.Bind(SampleFlags.Table(Path.Combine(_dir, "none.yml")), Flags(("mode", "NORMAL")), NoEnv);
        Assert.Equal("normal", options.Mode);
    }

    [Fact]
    public void An_unavailable_flag_takes_its_default_and_refuses_anything_else_from_every_source()
    {
        var table = SampleFlags.Table(Write("dashboard: 3001\n"));
        Assert.Equal(3000, SettingsBinder.Bind(table, Flags(("dashboard", "3000")), NoEnv).Dashboard);

        var fromFile = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(table, Flags(), NoEnv));
        var fromEnv = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(table, Flags(), v => v == "SENSU_SAMPLE_DASHBOARD" ? "4000" : null));
        var fromFlag = Assert.Throws<SettingsException>(() => SettingsBinder.Bind(table, Flags(("dashboard", "4000")), NoEnv));

        Assert.All(new[] { fromFile, fromEnv, fromFlag }, e => Assert.Equal("dashboard: not available yet", e.Message));
    }

    [Fact]
    public void Every_flag_has_a_variable_with_the_programs_prefix() =>
        Assert.All(SampleFlags.Table("x").Flags, f => Assert.Equal("SENSU_SAMPLE_" + f.Name.ToUpperInvariant(), f.EnvironmentVariable));

    private static string? NoEnv(string name) => null;

    private string Write(string yaml, string name = "sample.yml")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Dictionary<string, string> Flags(params (string Name, string Value)[] flags) =>
        flags.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
