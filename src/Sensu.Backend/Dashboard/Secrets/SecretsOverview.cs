using Sensu.Backend.Dashboard.Events;

namespace Sensu.Backend.Dashboard.Secrets;

/// <summary>
/// The secrets page: the namespace's secrets (null when the user may not list them), the providers (null likewise),
/// and the providers' health — the backend's latest <c>secrets</c> event, null when absent or not readable.
/// </summary>
public sealed record SecretsOverview(IReadOnlyList<SecretRow>? Secrets, IReadOnlyList<ProviderRow>? Providers, EventRow? Health);
