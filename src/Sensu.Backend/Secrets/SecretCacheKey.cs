namespace Sensu.Backend.Secrets;

/// <summary>What a cached value is filed under: the provider's name and the provider-specific id.</summary>
public readonly record struct SecretCacheKey(string Provider, string Id);
