namespace Sensu.Store;

/// <summary>Identity of an event: namespace, entity name, check name.</summary>
public readonly record struct EventKey(string Namespace, string Entity, string Check)
{
    public override string ToString() => $"{Namespace}/{Entity}/{Check}";
}
