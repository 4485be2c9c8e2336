using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Wrapped;

namespace Sensu.Core.Tests.Wrapped;

public sealed class WrappedReaderTests
{
    [Fact]
    public void Yaml_documents_separated_by_dashes_are_read_with_index_and_line()
    {
        const string text = """
            ---
            type: CheckConfig
            spec:
              interval: 60
            ---
            # a comment first
            type: Handler
            spec: {type: pipe}
            """;

        var docs = WrappedReader.Read(text);

        Assert.Equal(2, docs.Count);
        Assert.Equal([0, 1], docs.Select(d => d.Index));
        Assert.Equal(2, docs[0].Line);
        Assert.Equal(7, docs[1].Line);
        Assert.Equal("Handler", (string?)docs[1].Node!["type"]);
        Assert.Equal(60, (long)docs[0].Node!["spec"]!["interval"]!);
    }

    [Fact]
    public void Json_stream_of_two_objects_without_array_gives_two_documents()
    {
        const string text = """
            {
              "type": "CheckConfig",
              "spec": {}
            }
            {"type": "Handler", "spec": {}}
            """;

        var docs = WrappedReader.Read(text);

        Assert.Equal(2, docs.Count);
        Assert.All(docs, d => Assert.True(d.IsValid));
        Assert.Equal(1, docs[0].Line);
        Assert.Equal(5, docs[1].Line);
        Assert.Equal("Handler", (string?)docs[1].Node!["type"]);
    }

    [Fact]
    public void Mixed_json_and_yaml_chunks_are_each_read_in_their_own_syntax()
    {
        const string text = """
            {"type": "CheckConfig", "spec": {}}{"type": "Asset", "spec": {}}
            ---
            type: Handler
            spec: {}
            ---
              {"type": "Mutator", "spec": {}}
            """;

        var docs = WrappedReader.Read(text);

        Assert.Equal(["CheckConfig", "Asset", "Handler", "Mutator"], docs.Select(d => (string?)d.Node!["type"]));
        Assert.Equal([1, 1, 3, 6], docs.Select(d => d.Line));
    }

    [Fact]
    public void Empty_chunks_are_skipped()
    {
        var docs = WrappedReader.Read("---\n\n---\n# only a comment\n---\ntype: A\nspec: {}\n");

        var doc = Assert.Single(docs);
        Assert.Equal(0, doc.Index);
        Assert.Equal(6, doc.Line);
    }

    [Fact]
    public void Json_syntax_error_is_a_document_error_with_its_line()
    {
        var docs = WrappedReader.Read("{\"type\": \"A\", \"spec\": {}}\n{\"type\": \n  oops}\n");

        Assert.Equal(2, docs.Count);
        Assert.True(docs[0].IsValid);
        var error = Assert.IsType<WrappedFormatException>(docs[1].Error);
        Assert.Equal(1, error.DocumentIndex);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("document 1 (line 3): invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_syntax_error_is_a_document_error_with_its_line()
    {
        var docs = WrappedReader.Read("type: A\nspec: {}\n---\ntype: B\nspec: [unclosed\n");

        Assert.Equal(2, docs.Count);
        var error = Assert.IsType<WrappedFormatException>(docs[1].Error);
        Assert.Equal(1, error.DocumentIndex);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 4, $"line {error.Line}");
    }

    [Theory]
    [InlineData("yes", "true")]
    [InlineData("No", "false")]
    [InlineData("on", "true")]
    [InlineData("OFF", "false")]
    [InlineData("y", "true")]
    [InlineData("true", "true")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("", "null")]
    [InlineData("60", "60")]
    [InlineData("-7", "-7")]
    [InlineData("1_000", "1000")]
    [InlineData("0x1F", "31")]
    [InlineData("0755", "493")]
    [InlineData("0o17", "15")]
    [InlineData("0b101", "5")]
    [InlineData("08", "8")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData(".5", "0.5")]
    [InlineData("'60'", "\"60\"")]
    [InlineData("\"yes\"", "\"yes\"")]
    [InlineData("!!str 60", "\"60\"")]
    [InlineData("2020-01-02", "\"2020-01-02\"")]
    [InlineData("2001-12-14t21:59:43.10-05:00", "\"2001-12-14t21:59:43.10-05:00\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("check-cpu -w 75", "\"check-cpu -w 75\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("0x", "\"0x\"")]
    public void Yaml_scalars_are_typed_like_go_yaml_v2(string yaml, string json)
    {
        var doc = Assert.Single(WrappedReader.Read($"v: {yaml}\n"));

        var value = doc.Node!["v"];
        Assert.Equal(json, value is null ? "null" : value.ToJsonString());
    }

    [Fact]
    public void Yaml_keys_become_strings_and_merge_keys_and_aliases_expand()
    {
        const string text = """
            base: &b {a: 1, b: x}
            merged:
              <<: *b
              b: z
            copy: *b
            keys: {on: 1, 2: two}
            block: |
              line one
              line two
            """;

        var doc = Assert.Single(WrappedReader.Read(text));
        Assert.Null(doc.Error?.Message);
        var node = doc.Node!;

        Assert.Equal("""{"a":1,"b":"z"}""", node["merged"]!.ToJsonString());
        Assert.Equal("""{"a":1,"b":"x"}""", node["copy"]!.ToJsonString());
        Assert.Equal("""{"true":1,"2":"two"}""", node["keys"]!.ToJsonString());
        Assert.Equal("line one\nline two\n", (string?)node["block"]);
    }

    [Fact]
    public void Yaml_nan_is_refused_because_json_cannot_hold_it()
    {
        var doc = Assert.Single(WrappedReader.Read("v: .nan\n"));

        Assert.False(doc.IsValid);
        Assert.Contains("NaN", doc.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_from_a_text_reader()
    {
        using var reader = new StringReader("type: A\nspec: {}\n");

        var docs = await WrappedReader.ReadAsync(reader, CancellationToken.None);

        Assert.Equal(JsonValueKind.Object, Assert.Single(docs).Node!.GetValueKind());
    }
}
