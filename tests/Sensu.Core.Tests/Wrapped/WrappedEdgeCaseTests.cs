using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Wrapped;

namespace Sensu.Core.Tests.Wrapped;

public sealed class WrappedEdgeCaseTests
{
    public static TheoryData<string> AwkwardStrings() =>
    [
        "", " leading", "trailing ", "a: b", "a #b", "#x", "- x", "? x", "@x", "`x", "!x", "&x", "*x", "%x", "|x", ">x",
        "'quoted'", "\"dq\"", "{x}", "[x]", "yes", "NO", "off", "y", "~", "null", "<<", ".nan", ".inf", "-.inf", "1e3",
        "0x1F", "0755", "1_000", "+1", "12:30:00", "2024-01-02", "2024-01-02T03:04:05Z", "tab\there", "multi\nline",
        "multi\nline\n", "trailing newlines\n\n", "unicode ✓ é", "back\\slash", "ctrl\u0001char", "---", "...",
    ];

    [Theory]
    [MemberData(nameof(AwkwardStrings))]
    public void Strings_survive_yaml_and_wrapped_json_round_trips(string value)
    {
        var secret = new Secret
        {
            Metadata = new ObjectMeta { Name = "s", Labels = new() { [value.Length == 0 ? "empty" : value] = value } },
            Id = value,
            Provider = "env",
        };

        foreach (var format in new[] { WrappedFormat.Yaml, WrappedFormat.WrappedJson })
        {
            var text = WrappedWriter.Write(format, [secret]);
            var back = Assert.IsType<Secret>(Assert.Single(WrappedDecoder.DecodeAll(text).ResourcesOrThrow()).Resource);
            Assert.Equal(value, back.Id);
            Assert.Equal(value, Assert.Single(back.Metadata.Labels!).Value);
        }
    }

    [Fact]
    public void Crlf_input_and_byte_order_mark_are_accepted()
    {
        var text = "\uFEFFtype: Secret\r\napi_version: secrets/v1\r\nmetadata: {name: a}\r\nspec: {id: x, provider: env}\r\n---\r\n{\"type\":\"Secret\",\"api_version\":\"secrets/v1\",\"spec\":{}}\r\n";

        var result = WrappedDecoder.DecodeAll(text);

        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.Equal([1, 6], result.Resources.Select(r => r.Line));
        Assert.Equal("x", Assert.IsType<Secret>(result.Resources[0].Resource).Id);
    }

    [Fact]
    public void Duplicate_json_keys_are_an_error_not_a_crash()
    {
        var result = WrappedDecoder.DecodeAll("""{"type":"Secret","type":"Env","api_version":"secrets/v1","spec":{}}""");

        Assert.Equal(1, result.Resources.Count + result.Errors.Count);
    }

    [Fact]
    public void Api_body_with_duplicate_keys_is_a_format_error()
    {
        var type = Sensu.Core.Registry.ResourceRegistry.For<Secret>();

        var error = Assert.Throws<WrappedFormatException>(() => ApiBody.FromApiBody(type, """{"id":"a","id":"b"}"""u8));

        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_array_is_refused_with_a_clear_message()
    {
        var error = Assert.Single(WrappedDecoder.DecodeAll("""[{"type":"Secret","spec":{}}]""").Errors);

        Assert.Contains("expected a wrapped resource object, got an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_must_be_an_object()
    {
        var error = Assert.Single(WrappedDecoder.DecodeAll("type: Secret\napi_version: secrets/v1\nspec: [1]\n").Errors);

        Assert.Equal("document 0 (line 1): Secret: spec: expected an object, got an array", error.Message);
    }
}
