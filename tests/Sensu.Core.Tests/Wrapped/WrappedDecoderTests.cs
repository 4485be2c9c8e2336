using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Resources.Store;
using Sensu.Core.Wrapped;

namespace Sensu.Core.Tests.Wrapped;

public sealed class WrappedDecoderTests
{
    [Fact]
    public void Yaml_stream_creates_every_resource()
    {
        const string text = """
            type: CheckConfig
            api_version: core/v2
            metadata: {name: check-cpu, namespace: default, labels: {team: ops}}
            spec: {}
            ---
            type: Handler
            api_version: core/v2
            metadata: {name: slack}
            spec: {}
            """;

        var result = WrappedDecoder.DecodeAll(text);

        Assert.True(result.Success);
        Assert.Equal(["CheckConfig", "Handler"], result.Resources.Select(r => r.Type.Name));
        var check = Assert.IsType<CheckConfig>(result.Resources[0].Resource);
        Assert.Equal("check-cpu", check.Metadata.Name);
        Assert.Equal("default", check.Metadata.Namespace);
        Assert.Equal("ops", check.Metadata.Labels!["team"]);
        Assert.Equal("slack", result.Resources[1].Resource.Metadata.Name);
    }

    [Fact]
    public void Json_stream_of_two_wrappers_creates_both()
    {
        const string text = """
            {"type": "Asset", "metadata": {"name": "a"}, "spec": {}}
            {"type": "Mutator", "metadata": {"name": "m"}, "spec": {}}
            """;

        var resources = WrappedDecoder.DecodeAll(text).ResourcesOrThrow();

        Assert.Equal(["a", "m"], resources.Select(r => r.Resource.Metadata.Name));
    }

    [Fact]
    public void Alias_and_missing_api_version_mean_core_v2()
    {
        var decoded = DecodeOne("type: check_config\nmetadata: {name: c}\nspec: {}\n");

        Assert.IsType<CheckConfig>(decoded.Resource);
        Assert.Equal("core/v2", decoded.Type.ApiVersion);
    }

    [Fact]
    public void Outer_metadata_overrides_inner_and_labels_merge_key_by_key()
    {
        const string text = """
            type: CheckConfig
            metadata:
              namespace: prod
              labels: {team: ops, tier: web}
              annotations: {note: outer}
            spec:
              metadata:
                name: inner-name
                namespace: dev
                created_by: alice
                labels: {team: dev, region: eu}
            """;

        var meta = DecodeOne(text).Resource.Metadata;

        Assert.Equal("prod", meta.Namespace);
        Assert.Equal("inner-name", meta.Name);
        Assert.Equal("alice", meta.CreatedBy);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "ops", ["tier"] = "web", ["region"] = "eu" }, meta.Labels);
        Assert.Equal("outer", meta.Annotations!["note"]);
    }

    [Fact]
    public void Non_core_types_take_metadata_only_from_the_wrapper()
    {
        const string text = """
            {"type": "Secret", "api_version": "secrets/v1",
             "metadata": {"name": "pagerduty_key", "namespace": "default"},
             "spec": {"id": "SENSU_PD_KEY", "provider": "env"}}
            """;

        var secret = Assert.IsType<Secret>(DecodeOne(text).Resource);

        Assert.Equal("pagerduty_key", secret.Metadata.Name);
        Assert.Equal("default", secret.Metadata.Namespace);
        Assert.Equal("SENSU_PD_KEY", secret.Id);
        Assert.Equal("env", secret.Provider);
    }

    [Fact]
    public void Namespace_takes_its_name_from_the_spec()
    {
        var ns = Assert.IsType<Namespace>(DecodeOne("type: Namespace\nmetadata: {}\nspec: {name: prod}\n").Resource);

        Assert.Equal("prod", ns.Name);
    }

    [Fact]
    public void Unknown_type_is_not_supported()
    {
        var error = DecodeError("type: EtcdReplicator\napi_version: federation/v1\nmetadata: {name: r}\nspec: {}\n");

        Assert.Equal("document 0 (line 1): unknown type \"EtcdReplicator\" (api_version federation/v1): not supported", error.Message);
    }

    [Fact]
    public void Known_type_under_another_api_version_is_not_supported()
    {
        var error = DecodeError("type: Secret\nspec: {}\n");

        Assert.Contains("unknown type \"Secret\" (api_version core/v2): not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_key_is_an_error()
    {
        var error = DecodeError("type: Entity\nsensu_agent_version: 1.0.0\nspec: {}\n");

        Assert.Contains("unknown top-level field \"sensu_agent_version\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_spec_is_an_error()
    {
        var error = DecodeError("type: CheckConfig\nmetadata: {name: c}\n");

        Assert.Equal("document 0 (line 1): CheckConfig: no spec provided", error.Message);
    }

    [Fact]
    public void Missing_type_is_an_error()
    {
        Assert.Contains("no type provided", DecodeError("spec: {}\n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_field_type_names_document_line_type_and_path()
    {
        const string text = """
            type: Entity
            metadata: {name: a}
            spec: {entity_class: proxy}
            ---
            type: Entity
            metadata: {name: b}
            spec:
              entity_class: proxy
              last_seen: yesterday
            """;

        var result = WrappedDecoder.DecodeAll(text);

        Assert.Single(result.Resources);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.DocumentIndex);
        Assert.Equal(5, error.Line);
        Assert.Equal("Entity", error.TypeName);
        Assert.Equal("spec.last_seen", error.Path);
        Assert.Equal("document 1 (line 5): Entity: spec.last_seen: expected a number, got a string", error.Message);
    }

    [Fact]
    public void Check_interval_of_the_wrong_type_is_reported_like_the_brief_says()
    {
        var text = string.Concat(Enumerable.Repeat("type: Handler\nmetadata: {name: h}\nspec: {type: pipe, command: x}\n---\n# pad\n# pad\n", 2))
            + "type: CheckConfig\nmetadata: {name: c}\nspec:\n  interval: \"60\"\n";

        var error = Assert.Single(WrappedDecoder.DecodeAll(text).Errors);

        Assert.Equal("document 2 (line 13): CheckConfig: spec.interval: expected a number, got a string", error.Message);
    }

    [Theory]
    [InlineData("spec: {pool_size: \"10\", dsn: x}", "spec.pool_size: expected a number, got a string")]
    [InlineData("spec: {strict: \"yes\", dsn: x}", "spec.strict: expected true or false, got a string")]
    [InlineData("spec: {dsn: [x]}", "spec.dsn: expected a string, got an array")]
    [InlineData("spec: {pool_size: 1.5, dsn: x}", "spec.pool_size: The JSON value could not be converted")]
    [InlineData("metadata: {labels: {port: 80}}\nspec: {dsn: x}", "metadata.labels.port: expected a string, got a number")]
    public void Wrong_field_types_are_errors_not_dropped(string yaml, string expected)
    {
        var error = DecodeError("type: PostgresConfig\napi_version: store/v1\n" + yaml + "\n");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_booleans_and_quoted_numbers_are_typed_as_sensu_reads_them()
    {
        const string text = """
            type: PostgresConfig
            api_version: store/v1
            metadata: {name: pg, labels: {port: "5432"}}
            spec: {dsn: "postgresql://x", pool_size: 20, strict: yes, enable_round_robin: on}
            """;

        var pg = Assert.IsType<PostgresConfig>(DecodeOne(text).Resource);

        Assert.True(pg.Strict);
        Assert.True(pg.EnableRoundRobin);
        Assert.Equal(20, pg.PoolSize);
        Assert.Equal("5432", pg.Metadata.Labels!["port"]);
    }

    [Fact]
    public void Unknown_spec_fields_are_warnings()
    {
        var decoded = DecodeOne("type: PostgresConfig\napi_version: store/v1\nmetadata: {name: pg}\nspec: {dsn: x, colour: blue}\n");

        Assert.Equal(["spec.colour: unknown field, ignored"], decoded.Warnings);
    }

    [Fact]
    public void Null_fields_keep_their_zero_value_like_go()
    {
        var pg = Assert.IsType<PostgresConfig>(DecodeOne("{\"type\":\"PostgresConfig\",\"api_version\":\"store/v1\",\"spec\":{\"dsn\":\"x\",\"pool_size\":null}}").Resource);

        Assert.Equal(0, pg.PoolSize);
    }

    [Fact]
    public void More_than_ten_errors_stop_parsing()
    {
        var text = string.Join("---\n", Enumerable.Repeat("type: Nope\nspec: {}\n", 15));

        var result = WrappedDecoder.DecodeAll(text);

        Assert.True(result.TooManyErrors);
        Assert.Equal(11, result.Errors.Count);
        var aggregate = Assert.Throws<AggregateException>(() => result.ResourcesOrThrow());
        Assert.StartsWith("too many errors", aggregate.Message, StringComparison.Ordinal);
    }

    private static DecodedResource DecodeOne(string text)
    {
        var result = WrappedDecoder.DecodeAll(text);
        return Assert.Single(result.ResourcesOrThrow());
    }

    private static WrappedFormatException DecodeError(string text)
    {
        var result = WrappedDecoder.DecodeAll(text);
        Assert.Empty(result.Resources);
        return Assert.Single(result.Errors);
    }
}
