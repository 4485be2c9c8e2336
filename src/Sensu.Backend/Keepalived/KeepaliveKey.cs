namespace Sensu.Backend.Keepalived;

/// <summary>Identity of an entity's liveness switch.</summary>
public readonly record struct KeepaliveKey(string Namespace, string Entity)
{
    public override string ToString() => $"{Namespace}/{Entity}";
}
