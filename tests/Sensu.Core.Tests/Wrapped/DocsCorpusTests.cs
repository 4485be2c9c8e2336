using System.Text.Json.Nodes;
using Sensu.Core.Registry;
using Sensu.Core.Tests.Support;
using Sensu.Core.Wrapped;
using Xunit.Abstractions;

namespace Sensu.Core.Tests.Wrapped;

/// <summary>
/// Every wrapped example in Sensu's docs (shared/conformance/docs-examples, 5.17 and 6.14): registered types must
/// decode and re-encode to the example's fields; unregistered ones must be refused as "not supported".
/// Types whose resource class is still a stub (only <c>metadata</c>) are reported as pending, not asserted.
/// </summary>
public sealed class DocsCorpusTests(ITestOutputHelper output)
{
    /// <summary>Examples Sensu itself would refuse: the docs text does not say what the page means.</summary>
    private static readonly Dictionary<string, string> InvalidInDocs = new(StringComparer.Ordinal)
    {
        ["6.14/0026-Asset-sensu_nginx-check.json"] = "`filters: ...` placeholder is a string where a list is required",
        ["6.14/0102-EventFilter-keepalive_timeouts.json"] = "plain scalar contains \": \", so YAML reads the expression as a mapping",
    };

    /// <summary>Keys in examples that Sensu ignores with a warning (doc placeholders and typos).</summary>
    private static readonly HashSet<string> IgnoredDocKeys = ["...", "runtime-assets"];

    /// <summary>Fields the docs misplace (wrong indentation) that Sensu ignores with a warning, as we do.</summary>
    private static readonly HashSet<string> IgnoredDocPaths = ["spec.system.processes[1].hostname"];

    private enum Outcome
    {
        Accepted,
        AcceptedIgnoringDocKeys,
        Unsupported,
        RejectedAsDocumented,
        Pending,
        Failed,
    }

    [Theory]
    [InlineData("5.17")]
    [InlineData("6.14")]
    public void Docs_examples_decode_and_re_encode(string version)
    {
        var folder = RepoPaths.Shared("conformance", "docs-examples", version);
        Assert.True(folder is not null && Directory.Exists(folder), $"corpus folder not found for {version}");
        var outcomes = new Dictionary<Outcome, int>();
        var failures = new List<string>();
        var pending = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var (outcome, reasons, typeName) = Check(JsonNode.Parse(File.ReadAllText(file))!.AsObject());
            if (outcome == Outcome.Failed && InvalidInDocs.TryGetValue($"{version}/{name}", out var why))
            {
                outcome = Outcome.RejectedAsDocumented;
                output.WriteLine($"refused as Sensu would: {name}: {why}");
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (outcome == Outcome.Failed)
                failures.Add($"{name}: {string.Join("; ", reasons.Take(4))}");
            if (outcome == Outcome.Pending)
                pending[typeName] = pending.GetValueOrDefault(typeName) + 1;
        }

        output.WriteLine($"{version}: " + string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{o} {outcomes.GetValueOrDefault(o)}")));
        if (pending.Count > 0)
            output.WriteLine("pending (stub classes): " + string.Join(", ", pending.Select(p => $"{p.Key} {p.Value}")));
        foreach (var failure in failures)
            output.WriteLine("FAILED " + failure);
        Assert.True(outcomes.GetValueOrDefault(Outcome.Accepted) > 0, "no example was accepted");
        Assert.True(failures.Count == 0, $"{failures.Count} examples failed:\n" + string.Join("\n", failures));
    }

    private static (Outcome Outcome, List<string> Reasons, string TypeName) Check(JsonObject example)
    {
        var raw = (string)example["raw"]!;
        var expected = example["resource"]!.AsObject();
        var typeName = (string?)expected["type"] ?? string.Empty;
        var apiVersion = (string?)expected["api_version"];
        var type = ResourceRegistry.Find(typeName, apiVersion);
        var caveats = example["caveats"]?.AsArray().Select(c => (string?)c).ToList() ?? [];
        var result = WrappedDecoder.DecodeAll(raw);
        if (type is null)
        {
            var error = result.Errors.Count == 1 ? result.Errors[0].Message : null;
            return error is not null && error.Contains("not supported", StringComparison.Ordinal) && result.Resources.Count == 0
                ? (Outcome.Unsupported, [], typeName)
                : (Outcome.Failed, [$"{typeName} ({apiVersion}) is not registered but got: {error ?? "no error"}"], typeName);
        }
        var stub = type.TypeInfo.Properties.All(p => p.Name == "metadata");
        if (result.Errors.Count > 0)
        {
            var message = result.Errors[0].Message;
            if (message.Contains("unknown top-level field", StringComparison.Ordinal)
                && caveats.Any(c => c?.Contains("extra top-level key", StringComparison.Ordinal) == true))
                return (Outcome.RejectedAsDocumented, [], typeName);
            return (stub ? Outcome.Pending : Outcome.Failed, [.. result.Errors.Select(e => e.Message)], typeName);
        }
        var decoded = Assert.Single(result.Resources);
        var reasons = Compare(expected, WrappedEncoder.ToWrappedJson(decoded.Resource), type);
        reasons.AddRange(RoundTrip(decoded.Resource));
        if (reasons.Count == 0)
            return (Outcome.Accepted, reasons, typeName);
        var ignored = decoded.Warnings
            .Select(w => w.Split(": ", 2)[0])
            .Where(path => IgnoredDocPaths.Contains(path) || IgnoredDocKeys.Any(key => path.EndsWith("." + key, StringComparison.Ordinal)))
            .ToList();
        if (ignored.Count > 0 && reasons.All(r => ignored.Any(path => r.StartsWith(path + ":", StringComparison.Ordinal))))
            return (Outcome.AcceptedIgnoringDocKeys, [], typeName);
        return (stub ? Outcome.Pending : Outcome.Failed, reasons, typeName);
    }

    /// <summary>The decoded resource written as YAML and as wrapped JSON must read back to the same JSON.</summary>
    private static IEnumerable<string> RoundTrip(Sensu.Core.Meta.IResource resource)
    {
        var original = JsonText.Write(WrappedEncoder.ToWrappedJson(resource));
        foreach (var format in new[] { WrappedFormat.Yaml, WrappedFormat.WrappedJson })
        {
            var text = WrappedWriter.Write(format, [resource]);
            var back = WrappedDecoder.DecodeAll(text);
            if (!back.Success)
            {
                yield return $"{format} round trip: {back.Errors[0].Message}";
                continue;
            }
            var again = JsonText.Write(WrappedEncoder.ToWrappedJson(back.Resources[0].Resource));
            if (again != original)
                yield return $"{format} round trip changed the resource: {Diff(original, again)}";
        }
    }

    private static string Diff(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
            i++;
        var start = Math.Max(0, i - 40);
        return $"...{a[start..Math.Min(a.Length, i + 40)]}... vs ...{b[start..Math.Min(b.Length, i + 40)]}...";
    }

    private static List<string> Compare(JsonObject expected, JsonObject actual, ResourceType type)
    {
        var expectedSpec = (JsonObject)expected["spec"]!.DeepClone();
        var actualSpec = (JsonObject)actual["spec"]!.DeepClone();
        var innerMeta = expectedSpec["metadata"] as JsonObject;
        expectedSpec.Remove("metadata");
        actualSpec.Remove("metadata");
        var reasons = JsonTreeComparer.Differences(expectedSpec, actualSpec, "spec");

        var expectedMeta = new JsonObject();
        foreach (var source in new[] { type.Group.MetadataInSpec ? innerMeta : null, expected["metadata"] as JsonObject })
        {
            foreach (var (key, value) in source ?? [])
            {
                if (value is JsonObject map && expectedMeta[key] is JsonObject existing)
                {
                    foreach (var (k, v) in map)
                        existing[k] = v?.DeepClone();
                }
                else
                {
                    expectedMeta[key] = value?.DeepClone();
                }
            }
        }
        if (MetadataMerge.HasJsonMetadata(type) || !type.Group.MetadataInSpec)
        {
            reasons.AddRange(JsonTreeComparer.Differences(expectedMeta, actual["metadata"], "metadata")
                .Where(d => !d.Contains("not in the example", StringComparison.Ordinal)));
        }
        return reasons;
    }
}
