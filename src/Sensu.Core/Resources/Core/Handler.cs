using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Handler (core-spec §3.4): pipe, tcp, udp or set.</summary>
public sealed class Handler : IResource, IJsonOnDeserialized
{
    public const string PipeType = "pipe";
    public const string TcpType = "tcp";
    public const string UdpType = "udp";
    public const string SetType = "set";

    /// <summary>Socket handlers with <c>timeout: 0</c> use this many seconds.</summary>
    public const uint DefaultSocketTimeout = 60;

    /// <summary>Handler name used for keepalive events when an entity names none.</summary>
    public const string KeepaliveHandlerName = "keepalive";

    /// <summary>Handler name used for entity registration events.</summary>
    public const string RegistrationHandlerName = "registration";

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Type { get; set; }

    public string? Command { get; set; }

    /// <summary>Seconds; pipe: 0 means none, tcp/udp: 0 means <see cref="DefaultSocketTimeout"/>.</summary>
    public uint Timeout { get; set; }

    public HandlerSocket? Socket { get; set; }

    /// <summary>Members of a <c>set</c> handler.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Handlers { get; set; } = [];

    /// <summary>Filter names applied before this handler.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Filters { get; set; } = [];

    /// <summary>Mutator name; none means the built-in <c>json</c>.</summary>
    public string? Mutator { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> EnvVars { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> RuntimeAssets { get; set; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<SecretReference>? Secrets { get; set; }

    /// <summary>The timeout that applies when the handler runs (socket default applied).</summary>
    [JsonIgnore]
    public uint EffectiveTimeout => Timeout == 0 && Type is TcpType or UdpType ? DefaultSocketTimeout : Timeout;

    public void Validate()
    {
        Validators.Name(Metadata.Name, "handler name");
        ValidateType();
        Validators.NamespaceSet(Metadata.Namespace);
    }

    private void ValidateType()
    {
        switch (Type)
        {
            case null or "":
                throw new ResourceValidationException("empty handler type");
            case PipeType:
                if (string.IsNullOrWhiteSpace(Command))
                    throw new ResourceValidationException("missing command");
                break;
            case SetType:
                break;
            case TcpType or UdpType:
                if (Socket is null)
                    throw new ResourceValidationException("tcp and udp handlers need a valid socket");
                Socket.Validate();
                break;
            default:
                throw new ResourceValidationException($"unknown handler type: {Type}");
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        if (Type is { Length: 0 }) Type = null;
        if (Command is { Length: 0 }) Command = null;
        if (Mutator is { Length: 0 }) Mutator = null;
        Handlers ??= [];
        Filters ??= [];
        EnvVars ??= [];
        RuntimeAssets ??= [];
    }
}
