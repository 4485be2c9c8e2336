namespace Sensu.Store;

/// <summary>Whether a create-or-replace created a new resource or replaced one.</summary>
public enum PutOutcome
{
    Created,
    Replaced,
}
