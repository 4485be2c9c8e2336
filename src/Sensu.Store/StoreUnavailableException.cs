namespace Sensu.Store;

/// <summary>
/// The store itself failed (disk, connection...). <see cref="Exception.Message"/> is for operators (it may name the
/// database file); <see cref="Condition"/> is what may be told to clients (<see cref="StoreConditions.Describe"/>).
/// </summary>
public sealed class StoreUnavailableException : StoreException
{
    public StoreUnavailableException(string message, Exception inner) : this(StoreCondition.Unavailable, message, inner) { }

    public StoreUnavailableException(StoreCondition condition, string message, Exception inner) : base(message, inner) =>
        Condition = condition;

    public StoreCondition Condition { get; }
}
