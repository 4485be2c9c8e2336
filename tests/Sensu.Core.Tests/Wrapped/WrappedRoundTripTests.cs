using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Resources.Store;
using Sensu.Core.Wrapped;

namespace Sensu.Core.Tests.Wrapped;

public sealed class WrappedRoundTripTests
{
    private static PostgresConfig Postgres() => new()
    {
        Metadata = new ObjectMeta { Name = "pg", Labels = new() { ["on"] = "yes", ["port"] = "5432", ["date"] = "2020-01-02" } },
        Dsn = "postgresql://sensu:secret@10.0.0.1:5432/sensu_events?sslmode=disable",
        PoolSize = 20,
        Strict = true,
        MaxConnLifetime = "",
    };

    private static Entity Entity() => new()
    {
        Metadata = new ObjectMeta { Name = "web1", Namespace = "default", Annotations = new() { ["script"] = "line 1\nline 2\n", ["empty"] = "" } },
        EntityClass = "proxy",
        Subscriptions = ["linux", "true", "0755"],
        LastSeen = 1_700_000_000,
    };

    [Fact]
    public void Wrapper_of_a_core_resource_keeps_metadata_in_the_spec()
    {
        var wrapper = WrappedEncoder.ToWrappedJson(Entity());

        Assert.Equal(["type", "api_version", "metadata", "spec"], wrapper.Select(p => p.Key));
        Assert.Equal("Entity", (string?)wrapper["type"]);
        Assert.Equal("core/v2", (string?)wrapper["api_version"]);
        Assert.Equal("web1", (string?)wrapper["metadata"]!["name"]);
        Assert.Equal("web1", (string?)wrapper["spec"]!["metadata"]!["name"]);
    }

    [Fact]
    public void Wrapper_of_another_group_has_no_metadata_in_the_spec()
    {
        var wrapper = WrappedEncoder.ToWrappedJson(Postgres());

        Assert.Equal("store/v1", (string?)wrapper["api_version"]);
        Assert.Equal("pg", (string?)wrapper["metadata"]!["name"]);
        Assert.False(wrapper["spec"]!.AsObject().ContainsKey("metadata"));
    }

    [Fact]
    public void Yaml_round_trip_keeps_every_field_and_string_types()
    {
        var resources = new IResource[] { Postgres(), Entity() };

        var yaml = WrappedWriter.WriteYaml(resources);
        var back = WrappedDecoder.DecodeAll(yaml).ResourcesOrThrow().Select(r => r.Resource).ToList();

        Assert.Contains("\n---\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\"yes\"", yaml, StringComparison.Ordinal);
        Assert.Contains("\"0755\"", yaml, StringComparison.Ordinal);
        AssertSameJson(resources, back);
    }

    [Fact]
    public void Wrapped_json_round_trip_keeps_every_field()
    {
        var resources = new IResource[] { Entity(), Postgres(), new Secret { Metadata = new() { Name = "s", Namespace = "default" }, Id = "X", Provider = "env" } };

        var json = WrappedWriter.WriteWrappedJson(resources);
        var back = WrappedDecoder.DecodeAll(json).ResourcesOrThrow().Select(r => r.Resource).ToList();

        Assert.StartsWith("{\n  \"type\": \"Entity\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0026", json, StringComparison.Ordinal);
        AssertSameJson(resources, back);
    }

    [Fact]
    public void Yaml_output_looks_like_sensuctl()
    {
        var yaml = WrappedWriter.WriteYaml([new Secret { Metadata = new() { Name = "s", Namespace = "default" }, Id = "X", Provider = "env" }]);

        Assert.Equal("""
            type: Secret
            api_version: secrets/v1
            metadata:
              name: s
              namespace: default
            spec:
              id: X
              provider: env

            """.Replace("\r\n", "\n", StringComparison.Ordinal), yaml);
    }

    [Fact]
    public void Plain_json_is_the_bare_resource_or_an_array()
    {
        var one = JsonNode.Parse(WrappedWriter.WriteJson(Postgres()))!;
        var many = JsonNode.Parse(WrappedWriter.Write(WrappedFormat.Json, [Postgres(), Entity()]))!;

        Assert.Equal("pg", (string?)one["metadata"]!["name"]);
        Assert.Equal(2, many.AsArray().Count);
        Assert.Equal("web1", (string?)many[1]!["metadata"]!["name"]);
    }

    [Fact]
    public void Api_body_is_bare_for_core_v2_and_wrapped_otherwise()
    {
        var entityBody = ApiBody.ToApiBody(Entity());
        var pgBody = ApiBody.ToApiBody(Postgres());

        Assert.False(entityBody.ContainsKey("spec"));
        Assert.Equal("web1", (string?)entityBody["metadata"]!["name"]);
        Assert.Equal("PostgresConfig", (string?)pgBody["type"]);
        Assert.Equal("pg", (string?)pgBody["metadata"]!["name"]);
    }

    [Fact]
    public void Api_body_reads_both_forms_for_other_groups()
    {
        var type = Sensu.Core.Registry.ResourceRegistry.For<PostgresConfig>();
        var wrapped = ApiBody.FromApiBody(type, ApiBody.ToApiBodyBytes(Postgres()));
        var bare = ApiBody.FromApiBody(type, """{"metadata":{"name":"pg"},"dsn":"x","pool_size":3}"""u8);
        var untyped = ApiBody.FromApiBody(type, """{"metadata":{"name":"pg"},"spec":{"dsn":"y"}}"""u8);

        Assert.Equal(20, Assert.IsType<PostgresConfig>(wrapped).PoolSize);
        Assert.Equal("pg", bare.Metadata.Name);
        Assert.Equal(3, Assert.IsType<PostgresConfig>(bare).PoolSize);
        Assert.Equal("y", Assert.IsType<PostgresConfig>(untyped).Dsn);
    }

    [Fact]
    public void Api_body_round_trips_a_core_resource_and_reports_bad_fields()
    {
        var type = Sensu.Core.Registry.ResourceRegistry.For<Entity>();

        var back = ApiBody.FromApiBody(type, ApiBody.ToApiBodyBytes(Entity()));
        var error = Assert.Throws<WrappedFormatException>(() => ApiBody.FromApiBody(type, """{"last_seen":"x"}"""u8));
        var wrongType = Assert.Throws<WrappedFormatException>(() =>
            ApiBody.FromApiBody(Sensu.Core.Registry.ResourceRegistry.For<PostgresConfig>(), """{"type":"Secret","api_version":"secrets/v1","spec":{}}"""u8));

        Assert.Equal("web1", back.Metadata.Name);
        Assert.Equal("Entity: last_seen: expected a number, got a string", error.Message);
        Assert.Contains("expected PostgresConfig", wrongType.Message, StringComparison.Ordinal);
    }

    private static void AssertSameJson(IReadOnlyList<IResource> expected, IReadOnlyList<IResource> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetType(), actual[i].GetType());
            Assert.Equal(
                JsonText.Write(WrappedEncoder.ToWrappedJson(expected[i])),
                JsonText.Write(WrappedEncoder.ToWrappedJson(actual[i])));
        }
    }
}
