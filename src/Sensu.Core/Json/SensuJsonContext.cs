using System.Text.Json.Serialization;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Resources.Store;

namespace Sensu.Core.Json;

/// <summary>
/// Source-generated JSON for every resource type. Names are snake_case like Sensu's; nulls are omitted
/// unless a property says otherwise (Sensu's "always" fields are non-null or marked <c>Never</c>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CheckConfig))]
[JsonSerializable(typeof(HookConfig))]
[JsonSerializable(typeof(Handler))]
[JsonSerializable(typeof(EventFilter))]
[JsonSerializable(typeof(Mutator))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(CheckRequest))]
[JsonSerializable(typeof(EntityConfig))]
[JsonSerializable(typeof(Silenced))]
[JsonSerializable(typeof(Pipeline))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(RoleBinding))]
[JsonSerializable(typeof(ClusterRole))]
[JsonSerializable(typeof(ClusterRoleBinding))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(ApiKey))]
[JsonSerializable(typeof(TessenConfig))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(EnvProvider))]
[JsonSerializable(typeof(VaultProvider))]
[JsonSerializable(typeof(PostgresConfig))]
public sealed partial class SensuJsonContext : JsonSerializerContext
{
}
