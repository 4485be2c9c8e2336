using Sensu.Core.Json;
using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>An entity's <c>system</c> block, reported by the agent (core v2 entity.proto <c>System</c>).</summary>
public sealed class EntitySystem : IJsonOnDeserialized
{
    public string? Hostname { get; set; }

    public string? Os { get; set; }

    public string? Platform { get; set; }

    public string? PlatformFamily { get; set; }

    public string? PlatformVersion { get; set; }

    public Network Network { get; set; } = new();

    public string? Arch { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ArmVersion { get; set; }

    public string LibcType { get; set; } = "";

    public string VmSystem { get; set; } = "";

    public string VmRole { get; set; } = "";

    public string CloudProvider { get; set; } = "";

    public string? FloatType { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<SystemProcess> Processes { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Hostname is { Length: 0 }) Hostname = null;
        if (Os is { Length: 0 }) Os = null;
        if (Platform is { Length: 0 }) Platform = null;
        if (PlatformFamily is { Length: 0 }) PlatformFamily = null;
        if (PlatformVersion is { Length: 0 }) PlatformVersion = null;
        if (Arch is { Length: 0 }) Arch = null;
        if (FloatType is { Length: 0 }) FloatType = null;
        Network ??= new Network();
        LibcType ??= "";
        VmSystem ??= "";
        VmRole ??= "";
        CloudProvider ??= "";
        Processes ??= [];
    }
}
