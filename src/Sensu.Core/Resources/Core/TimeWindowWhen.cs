namespace Sensu.Core.Resources.Core;

/// <summary>Sensu's <c>when</c> time windows (filters) and the legacy check <c>subdue</c>: <c>{days: {…}}</c>.</summary>
public sealed class TimeWindowWhen
{
    public TimeWindowDays Days { get; set; } = new();

    public void Validate() => Days?.Validate();
}
