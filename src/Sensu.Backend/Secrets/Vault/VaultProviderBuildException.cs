namespace Sensu.Backend.Secrets.Vault;

/// <summary>A VaultProvider resource cannot become a working client (bad address, unreadable TLS file, ...).</summary>
public sealed class VaultProviderBuildException : Exception
{
    public VaultProviderBuildException(string message) : base(message) { }

    public VaultProviderBuildException(string message, Exception inner) : base(message, inner) { }

    public VaultProviderBuildException() { }
}
