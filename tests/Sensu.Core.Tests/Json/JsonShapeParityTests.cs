using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Resources.Store;

namespace Sensu.Core.Tests.Json;

/// <summary>
/// Field by field, our JSON has Sensu's shape. The expectations come from SensuJsonShapes.tsv, a table made
/// from Sensu's Go types (make_sensu_json_shapes.py over sensu/core v2 and v3 at the versions sensu-go pins) and,
/// for the enterprise types whose source is not public, from the API output in Sensu's docs (its source column
/// says which), never from our own output: a minimal instance must write each field's zero value as Go does (absent, null, [],
/// {}, "", 0, false), and a maximal instance built from the table must be read back and written identically.
/// </summary>
public sealed class JsonShapeParityTests
{
    /// <summary>Go type name in the table → our CLR type.</summary>
    private static readonly Dictionary<string, Type> ClrTypes = new(StringComparer.Ordinal)
    {
        ["ObjectMeta"] = typeof(ObjectMeta),
        ["CheckConfig"] = typeof(CheckConfig),
        ["Check"] = typeof(Check),
        ["CheckHistory"] = typeof(CheckHistory),
        ["ProxyRequests"] = typeof(ProxyRequests),
        ["HookConfig"] = typeof(HookConfig),
        ["Hook"] = typeof(HookResult),
        ["Handler"] = typeof(Handler),
        ["HandlerSocket"] = typeof(HandlerSocket),
        ["EventFilter"] = typeof(EventFilter),
        ["Mutator"] = typeof(Mutator),
        ["Asset"] = typeof(Asset),
        ["AssetBuild"] = typeof(AssetBuild),
        ["Entity"] = typeof(Entity),
        ["System"] = typeof(EntitySystem),
        ["Network"] = typeof(Network),
        ["NetworkInterface"] = typeof(NetworkInterface),
        ["Process"] = typeof(SystemProcess),
        ["Deregistration"] = typeof(Deregistration),
        ["Event"] = typeof(Event),
        ["Metrics"] = typeof(Metrics),
        ["MetricPoint"] = typeof(MetricPoint),
        ["MetricTag"] = typeof(MetricTag),
        ["MetricThreshold"] = typeof(MetricThreshold),
        ["MetricThresholdRule"] = typeof(MetricThresholdRule),
        ["MetricThresholdTag"] = typeof(MetricTag),
        ["Silenced"] = typeof(Silenced),
        ["Pipeline"] = typeof(Pipeline),
        ["PipelineWorkflow"] = typeof(PipelineWorkflow),
        ["ResourceReference"] = typeof(ResourceReference),
        ["Role"] = typeof(Role),
        ["RoleBinding"] = typeof(RoleBinding),
        ["ClusterRole"] = typeof(ClusterRole),
        ["ClusterRoleBinding"] = typeof(ClusterRoleBinding),
        ["Rule"] = typeof(RbacRule),
        ["RoleRef"] = typeof(RoleRef),
        ["Subject"] = typeof(Subject),
        ["Namespace"] = typeof(Namespace),
        ["User"] = typeof(User),
        ["TessenConfig"] = typeof(TessenConfig),
        ["Secret"] = typeof(SecretReference),
        ["TimeWindowWhen"] = typeof(TimeWindowWhen),
        ["TimeWindowTimeRange"] = typeof(TimeWindowTimeRange),
        ["TimeWindowRepeated"] = typeof(TimeWindowRepeated),
        ["TimeWindowDays"] = typeof(TimeWindowDays),
        ["APIKey"] = typeof(ApiKey),
        ["CheckRequest"] = typeof(CheckRequest),
        ["AssetList"] = typeof(CheckRequestHookAssets),
        ["core/v3.EntityConfig"] = typeof(EntityConfig),
        ["secrets/v1.Secret"] = typeof(Secret),
        ["secrets/v1.Env"] = typeof(EnvProvider),
        ["secrets/v1.VaultProvider"] = typeof(VaultProvider),
        ["secrets/v1.VaultClient"] = typeof(VaultClientConfig),
        ["secrets/v1.VaultTLS"] = typeof(VaultTlsConfig),
        ["secrets/v1.VaultRateLimiter"] = typeof(VaultRateLimiter),
        ["store/v1.PostgresConfig"] = typeof(PostgresConfig),
    };

    /// <summary>Fields we write differently on purpose; each is listed in docs/validation-differences.md.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        // One CLR type serves check output_metric_tags (omitempty) and threshold tags (always written); an empty
        // threshold tag is refused by validation, so only invalid input could show the difference.
        ["MetricThresholdTag.name"] = "shared MetricTag type",
        ["MetricThresholdTag.value"] = "shared MetricTag type",
        // Sensu's Process has only a name; Sensu's docs show agents reporting pid and ppid (0 included), kept as written.
        ["Process.pid"] = "docs' process facts",
        ["Process.ppid"] = "docs' process facts",
        // Always set in what we send or serve; Go's zero (a nil pointer) only shows in an invalid resource.
        ["CheckRequest.config"] = "always set",
        ["core/v3.EntityConfig.metadata"] = "always set",
        ["secrets/v1.VaultProvider.client"] = "always set",
        // Omitted max_retries and timeout take the Vault client's defaults (2, 60s) and are echoed back
        // (secrets-spec 10 scenario 3); Sensu echoes the zero values.
        ["secrets/v1.VaultClient.max_retries"] = "Vault client default echoed",
        ["secrets/v1.VaultClient.timeout"] = "Vault client default echoed",
    };

    private static readonly Lazy<List<ShapeRow>> Rows = new(Load);

    public static TheoryData<string> GoTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in Rows.Value.Select(r => r.Type).Distinct())
            data.Add(type);
        return data;
    }

    [Fact]
    public void Table_covers_every_mapped_type()
    {
        var inTable = Rows.Value.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(inTable.Order(StringComparer.Ordinal), ClrTypes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Table_covers_every_served_type_and_what_agents_receive()
    {
        var mapped = ClrTypes.Values.ToHashSet();
        var served = Sensu.Core.Registry.ResourceRegistry.All.Select(t => t.ClrType).Append(typeof(CheckRequest)).Append(typeof(EntityConfig));
        var missing = served.Where(t => !mapped.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "not in the table: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(GoTypes))]
    public void Minimal_instance_writes_each_zero_value_as_Go_does(string goType)
    {
        var written = RoundTrip(goType, new JsonObject());
        var rows = Rows.Value.Where(r => r.Type == goType).ToList();
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            var actual = Describe(written, row.Field);
            if (actual != row.Zero && !KnownDifferences.ContainsKey($"{goType}.{row.Field}"))
                mismatches.Add($"{goType}.{row.Field}: Sensu writes {row.Zero}, we write {actual}");
        }
        var known = rows.Select(r => r.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in written)
        {
            if (!known.Contains(key) && !KnownDifferences.ContainsKey($"{goType}.{key}"))
                mismatches.Add($"{goType}.{key}: not a field of Sensu's type, yet written when empty");
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Theory]
    [MemberData(nameof(GoTypes))]
    public void Maximal_instance_reads_back_identically(string goType)
    {
        var input = Maximal(goType);
        var written = RoundTrip(goType, input);
        var mismatches = new List<string>();
        foreach (var row in Rows.Value.Where(r => r.Type == goType))
        {
            var expected = input[row.Field]?.ToJsonString();
            var actual = written.TryGetPropertyValue(row.Field, out var node) ? node?.ToJsonString() ?? "null" : "absent";
            if (!JsonNode.DeepEquals(input[row.Field], node))
                mismatches.Add($"{goType}.{row.Field}: sent {expected}, read back {actual}");
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>Reads <paramref name="input"/> as the type's CLR class and writes it again.</summary>
    private static JsonObject RoundTrip(string goType, JsonObject input)
    {
        var info = SensuJsonContext.Default.GetTypeInfo(ClrTypes[goType])
            ?? throw new InvalidOperationException($"no JSON metadata for {ClrTypes[goType]}");
        var value = JsonSerializer.Deserialize(input.ToJsonString(), info)!;
        return JsonNode.Parse(JsonSerializer.Serialize(value, info))!.AsObject();
    }

    private static string Describe(JsonObject obj, string field)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
            return "absent";
        return node switch
        {
            null => "null",
            JsonArray { Count: 0 } => "[]",
            JsonArray => "non-empty array",
            JsonObject => "{}",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() switch { "" => "\"\"", "0s" => "\"0s\"", _ => "non-empty string" },
            JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString() == "0" ? "0" : "non-zero number",
            _ => node.ToJsonString(),
        };
    }

    /// <summary>Every field of the type set to a non-empty value of its Go type, nested types built the same way.</summary>
    private static JsonObject Maximal(string goType, int depth = 0)
    {
        var obj = new JsonObject();
        foreach (var row in Rows.Value.Where(r => r.Type == goType))
            obj[row.Field] = Sample(goType, row, depth);
        return obj;
    }

    private static JsonNode? Sample(string owner, ShapeRow row, int depth)
    {
        switch ((owner, row.Field))
        {
            case ("Event", "id"): return "6d1f7b45-1e2a-4a59-9e48-2f1b9bd2b2a1";
            case ("CheckConfig" or "Check", "check_hooks"): return new JsonArray(new JsonObject { ["critical"] = new JsonArray("hook-a") });
            // The process facts we always write besides Sensu's name (see KnownDifferences).
            case ("System", "processes"): return new JsonArray(new JsonObject { ["name"] = "text", ["pid"] = 7, ["ppid"] = 7 });
            case ("User", "password"): return "P@ssw0rd!";
            // Sensu's Validate title-cases these before storing, so what it emits is title-cased.
            case ("RoleRef", "type"): return "ClusterRole";
            case ("Subject", "type"): return "User";
            case ("APIKey", "hash"): return Convert.ToBase64String("hash"u8.ToArray());
            case ("CheckRequest", "hook_assets"): return new JsonObject { ["hook-a"] = Maximal("AssetList", depth + 1) };
        }
        return Value(row.GoType, depth);
    }

    private static JsonNode? Value(string goType, int depth)
    {
        var type = goType.TrimStart('*');
        if (type.StartsWith("[]", StringComparison.Ordinal))
            return new JsonArray(Value(type[2..], depth));
        if (type.StartsWith("map[", StringComparison.Ordinal))
            return new JsonObject { ["key"] = "value" };
        return type switch
        {
            "string" => "text",
            "bool" => true,
            "float64" or "float32" => 1.5,
            "int" or "int32" or "int64" or "uint32" or "uint64" => 7,
            "duration" => "20s",
            _ when ClrTypes.ContainsKey(type) && depth < 4 => Maximal(type, depth + 1),
            _ => throw new InvalidOperationException($"no sample for Go type {goType}"),
        };
    }

    private static List<ShapeRow> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Json", "SensuJsonShapes.tsv");
        return File.ReadAllLines(path)
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new ShapeRow(c[0], c[1], c[2], c[3], c[4] == "yes", c[5], c[6]))
            .ToList();
    }

    private sealed record ShapeRow(string Type, string Field, string GoType, string JsonTag, bool OmitEmpty, string Zero, string Source);
}
