using System.Text.Json.Serialization;

namespace Sensu.Backend.Cluster;

[JsonSerializable(typeof(MemberRecord))]
[JsonSerializable(typeof(LeaseRecord))]
[JsonSerializable(typeof(PresenceRecord))]
[JsonSerializable(typeof(DispatchRecord))]
internal sealed partial class ClusterJsonContext : JsonSerializerContext;

/// <summary>The cluster records' JSON type information, for the folders that read or write them.</summary>
public static class ClusterJson
{
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<PresenceRecord> Presence => ClusterJsonContext.Default.PresenceRecord;

    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<DispatchRecord> Dispatch => ClusterJsonContext.Default.DispatchRecord;
}
