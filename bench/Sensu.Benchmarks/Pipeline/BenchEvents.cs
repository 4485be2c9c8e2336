using System.Globalization;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// Check results for the benchmarks: entity <c>PREFIX-i</c>, check <see cref="CheckName"/>, status 2 for one entity
/// in <c>failingEvery</c> (i % failingEvery == failingEvery - 1) and 0 for the others. The status is fixed per entity,
/// so every failing result is an incident and every other one an OK after an OK: one result in
/// <c>failingEvery</c> passes <c>is_incident</c>, from the first batch on (with the default 2: every odd i).
/// </summary>
public static class BenchEvents
{
    public const string CheckName = "bench-check";
    public const string Namespace = "default";

    public static int StatusOf(int index, int failingEvery = 2) => index % failingEvery == failingEvery - 1 ? 2 : 0;

    /// <summary>How many of a batch of <paramref name="count"/> pass <c>is_incident</c>.</summary>
    public static int Incidents(int count, int failingEvery = 2) => count / failingEvery;

    /// <summary>One result; an empty <paramref name="handler"/> gives a check with no handlers.</summary>
    public static Event Create(string entityPrefix, int index, string handler, long executed, int failingEvery = 2)
    {
        var status = StatusOf(index, failingEvery);
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

    public static Event[] Batch(string entityPrefix, int count, string handler, long executed, int failingEvery = 2) =>
        Enumerable.Range(0, count).Select(i => Create(entityPrefix, i, handler, executed, failingEvery)).ToArray();
}
