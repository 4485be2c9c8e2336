namespace Sensu.Execution.Assets;

/// <summary>An asset could not be installed; the message names the asset, the URL and the reason.</summary>
public sealed class AssetInstallException : Exception
{
    public AssetInstallException(string message) : base(message) { }

    public AssetInstallException(string message, Exception inner) : base(message, inner) { }

    public AssetInstallException() { }
}
