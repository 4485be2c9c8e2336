using Sensu.Backend.Secrets;

namespace Sensu.Backend.Dashboard.Secrets;

/// <summary>A secret as the dashboard lists it: name, provider and id, who references it, and its latest resolution. Never a value.</summary>
public sealed record SecretRow(string Name, string Provider, string Id, IReadOnlyList<string> UsedBy, SecretResolution? LastResolution);
