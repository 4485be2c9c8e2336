namespace Sensu.Backend.Dashboard.Secrets;

/// <summary>A secrets provider as the dashboard lists it: its name and type only (never its configuration or token).</summary>
public sealed record ProviderRow(string Name, string Type);
