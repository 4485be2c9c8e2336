using System.Globalization;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// Check results for the benchmarks: entity <c>PREFIX-i</c>, check <see cref="CheckName"/>, status 2 for odd i and 0
/// for even i (fixed per entity, so every odd result is an incident and every even one is an OK after an OK: half
/// of each batch passes <c>is_incident</c>, from the first batch on).
/// </summary>
public static class BenchEvents
{
    public const string CheckName = "bench-check";
    public const string Namespace = "default";

    public static int StatusOf(int index) => index % 2 == 1 ? 2 : 0;

    /// <summary>How many of a batch of <paramref name="count"/> pass <c>is_incident</c>.</summary>
    public static int Incidents(int count) => count / 2;

    /// <summary>One result; an empty <paramref name="handler"/> gives a check with no handlers.</summary>
    public static Event Create(string entityPrefix, int index, string handler, long executed)
    {
        var status = StatusOf(index);
        var json = $$$"""
            {"metadata":{"namespace":"{{{Namespace}}}"},
             "entity":{"entity_class":"proxy","metadata":{"name":"{{{entityPrefix}}}-{{{index.ToString(CultureInfo.InvariantCulture)}}}","namespace":"{{{Namespace}}}"},"subscriptions":["bench"]},
             "check":{"metadata":{"name":"{{{CheckName}}}","namespace":"{{{Namespace}}}"},"command":"check-bench","interval":60,
                      "status":{{{status.ToString(CultureInfo.InvariantCulture)}}},"output":"{{{(status == 0 ? "OK: all good" : "CRITICAL: bench failure")}}}",
                      "executed":{{{executed.ToString(CultureInfo.InvariantCulture)}}},"issued":{{{executed.ToString(CultureInfo.InvariantCulture)}}},
                      "handlers":[{{{(handler.Length == 0 ? "" : "\"" + handler + "\"")}}}]}}
            """;
        return JsonSerializer.Deserialize(json, SensuJsonContext.Default.Event)
            ?? throw new InvalidOperationException("event JSON did not deserialize");
    }

    public static Event[] Batch(string entityPrefix, int count, string handler, long executed) =>
        Enumerable.Range(0, count).Select(i => Create(entityPrefix, i, handler, executed)).ToArray();
}
