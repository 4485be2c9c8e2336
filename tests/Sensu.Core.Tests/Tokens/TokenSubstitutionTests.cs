using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Core.Tokens;

namespace Sensu.Core.Tests.Tokens;

public sealed class TokenSubstitutionTests
{
    private static Entity WebEntity() => new()
    {
        EntityClass = Entity.AgentClass,
        Metadata = new ObjectMeta
        {
            Name = "web1",
            Namespace = "default",
            Labels = new() { ["disk_warning"] = "80", ["url"] = "http://web1/health" },
        },
        System = new EntitySystem { Hostname = "web1.example", Os = "linux", Arch = "amd64" },
        Subscriptions = ["linux", "entity:web1"],
    };

    private static JsonObject Data() => Synthesized.Entity(WebEntity());

    private static string Render(string text) => TokenSubstitution.SubstituteString("command", text, Data());

    [Theory]
    [InlineData("echo {{ .name }}", "echo web1")]
    [InlineData("echo {{.name}}", "echo web1")]
    [InlineData("{{ .metadata.name }}", "web1")]
    [InlineData("check-disk -w {{ .labels.disk_warning }}", "check-disk -w 80")]
    [InlineData("{{ .system.hostname }}/{{ .system.os }}", "web1.example/linux")]
    [InlineData("{{ .entity_class }}", "agent")]
    [InlineData("{{ .namespace }}", "default")]
    [InlineData("curl {{ .labels.url }}", "curl http://web1/health")]
    [InlineData("no tokens at all", "no tokens at all")]
    [InlineData("", "")]
    public void Fields_render_from_the_synthesized_entity(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("{{ .labels.missing | default \"85\" }}", "85")]
    [InlineData("{{ .labels.disk_warning | default \"85\" }}", "80")]
    [InlineData("{{ .labels.missing | default 85 }}", "85")]
    [InlineData("{{ .labels.missing | default 1.5 }}", "1.5")]
    [InlineData("{{ .labels.missing | default true }}", "true")]
    [InlineData("{{ default \"x\" .labels.missing }}", "x")]
    [InlineData("{{ default \"x\" .name }}", "web1")]
    [InlineData("{{ .nothing.deeper | default \"d\" }}", "d")]
    [InlineData("{{ default \"only\" }}", "only")]
    [InlineData("{{ .labels.missing | default `raw` }}", "raw")]
    public void Default_replaces_missing_values(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void Docs_scenario_55_name_and_default() =>
        Assert.Equal("echo web1 bar", Render("echo {{ .name }} {{ .labels.foo | default \"bar\" }}"));

    [Theory]
    [InlineData("${{ assetPath \"sensu-plugins-disk-checks\" }}/bin/check-disk.rb", "$SENSU_PLUGINS_DISK_CHECKS_PATH/bin/check-disk.rb")]
    [InlineData("%{{assetPath \"my.asset\"}}%", "%MY_ASSET_PATH%")]
    [InlineData("{{ assetPath \"a--b__c\" }}", "A_B_C_PATH")]
    public void AssetPath_renders_the_variable_name(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("a  {{- .name -}}  b", "aweb1b")]
    [InlineData("a \n {{- .name }} b", "aweb1 b")]
    [InlineData("a {{ .name -}} \n\t b", "a web1b")]
    [InlineData("{{- .name -}}", "web1")]
    [InlineData("a {{/* a comment */}}b", "a b")]
    [InlineData("a {{- /* a comment */ -}} b", "ab")]
    [InlineData("{{ \"}}\" }}", "}}")]
    [InlineData("{{ \"a\\\"b\\n\" }}", "a\"b\n")]
    [InlineData("{{ 3 }}", "3")]
    [InlineData("{{ -3 }}", "-3")]
    [InlineData("{{ (.labels.missing | default \"p\") }}", "p")]
    [InlineData("{{ index .labels \"disk_warning\" }}", "80")]
    [InlineData("{{ index .subscriptions 1 }}", "entity:web1")]
    [InlineData("{{ .subscriptions }}", "[linux entity:web1]")]
    [InlineData("{{ .labels }}", "map[disk_warning:80 url:http://web1/health]")]
    [InlineData("{{ $.name }}", "web1")]
    [InlineData("{{ .deregister }}", "false")]
    [InlineData("{{ .last_seen }}", "0")]
    public void Go_template_syntax_subset(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void Unmatched_token_names_the_key_and_the_token()
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render("echo {{ .labels.missing }}"));
        Assert.StartsWith("command: unmatched token: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("<.labels.missing>", e.Message, StringComparison.Ordinal);
        Assert.Contains("map has no entry for key \"missing\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("template: command:1:8:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmatched_token_through_a_missing_parent()
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render("{{ .nope.deeper }}"));
        Assert.Contains("map has no entry for key \"nope\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_no_value_text_is_also_reported_as_unmatched()
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render("{{ \"<no value>\" }}"));
        Assert.Equal("command: unmatched token: found an undefined value but could not identify the token", e.Message);
    }

    [Theory]
    [InlineData("{{ .name ", "unclosed action")]
    [InlineData("{{ }}", "missing value for command")]
    [InlineData("{{ nofunc \"x\" }}", "function \"nofunc\" not defined")]
    [InlineData("{{ \"abc }}", "unterminated quoted string")]
    [InlineData("{{ if .name }}x{{ end }}", "unsupported action \"if\"")]
    [InlineData("{{ .name | }}", "missing value for command")]
    [InlineData("{{ ( .name }}", "unclosed left paren")]
    [InlineData("{{ .name ) }}", "unexpected \")\"")]
    [InlineData("{{ $x }}", "undefined variable \"$x\"")]
    [InlineData("{{ @ }}", "unexpected \"@\"")]
    [InlineData("{{/* open }}", "unclosed comment")]
    public void Parse_errors_carry_Sensus_prefix(string text, string fragment)
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render(text));
        Assert.StartsWith("command: could not parse the template: template: command:1: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_error_reports_the_line()
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render("line one\nline two {{ nofunc }}"));
        Assert.Contains("template: command:2: function \"nofunc\" not defined", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ .name.first }}", "can't evaluate field first in type string")]
    [InlineData("{{ .name \"x\" }}", "can't give argument to non-function .name")]
    [InlineData("{{ \"a\" | .name }}", "can't give argument to non-function .name")]
    [InlineData("{{ assetPath }}", "wrong number of args for assetPath: want 1 got 0")]
    [InlineData("{{ index .subscriptions 9 }}", "index out of range: 9")]
    public void Execution_errors(string text, string fragment)
    {
        var e = Assert.Throws<TokenSubstitutionException>(() => Render(text));
        Assert.StartsWith("could not execute the template: template: command:", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_renders_every_string_of_a_check_and_leaves_keys_and_numbers()
    {
        var check = new CheckConfig
        {
            Metadata = new ObjectMeta { Name = "disk", Namespace = "default", Labels = new() { ["{{ .name }}"] = "{{ .name }}" } },
            Command = "check-disk -w {{ .labels.disk_warning | default 85 }}",
            Interval = 60,
            Timeout = 10,
            EnvVars = ["HOST={{ .system.hostname }}", "PLAIN=1"],
            Subscriptions = ["linux"],
        };

        var result = TokenSubstitution.Substitute(check, SensuJsonContext.Default.CheckConfig, Data());

        Assert.Equal("check-disk -w 80", result.Command);
        Assert.Equal(["HOST=web1.example", "PLAIN=1"], result.EnvVars);
        Assert.Equal(60u, result.Interval);
        Assert.Equal(10u, result.Timeout);
        Assert.Equal("web1", result.Metadata.Labels!["{{ .name }}"]);
        Assert.Equal("check-disk -w {{ .labels.disk_warning | default 85 }}", check.Command);
    }

    [Fact]
    public void Error_in_an_array_names_the_field_and_the_index()
    {
        var check = new CheckConfig
        {
            Metadata = new ObjectMeta { Name = "disk", Namespace = "default" },
            Command = "true",
            Interval = 60,
            EnvVars = ["A=1", "B={{ .labels.nope }}"],
        };

        var e = Assert.Throws<TokenSubstitutionException>(
            () => TokenSubstitution.Substitute(check, SensuJsonContext.Default.CheckConfig, Data()));

        Assert.StartsWith("couldn't evaluate template for env_vars: env_vars: unmatched token: ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(array 1)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubstituteNode_does_not_change_its_input()
    {
        var node = new JsonObject { ["a"] = "{{ .name }}", ["n"] = 5, ["list"] = new JsonArray("x", "{{ .namespace }}") };

        var result = TokenSubstitution.SubstituteNode(node, Data())!;

        Assert.Equal("""{"a":"web1","n":5,"list":["x","default"]}""", result.ToJsonString());
        Assert.Equal("{{ .name }}", node["a"]!.GetValue<string>());
    }

    [Fact]
    public void AssetPathVariable_is_public_for_asset_installers() =>
        Assert.Equal("MY_ASSET_PATH", TokenSubstitution.AssetPathVariable("my-asset"));
}
