using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

[JsonSerializable(typeof(MemberRecord))]
[JsonSerializable(typeof(LeaseRecord))]
[JsonSerializable(typeof(PresenceRecord))]
[JsonSerializable(typeof(DispatchRecord))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;
