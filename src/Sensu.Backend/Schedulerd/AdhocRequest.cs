namespace Sensu.Backend.Schedulerd;

/// <summary>An ad hoc execution asked through <c>POST /checks/{name}/execute</c>: which check, where, and why.</summary>
public sealed record AdhocRequest(string Namespace, string Check, IReadOnlyList<string> Subscriptions, string? Reason, string? Creator);
