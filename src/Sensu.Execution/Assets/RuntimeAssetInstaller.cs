using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Assets;

/// <summary>
/// <see cref="IRuntimeAssetInstaller"/> over a cache directory shared by every installer (and process) using it.
/// An asset is installed once per sha512: <c>&lt;cache&gt;/&lt;sha512&gt;/</c> plus a marker <c>&lt;cache&gt;/&lt;sha512&gt;.installed</c>
/// written last; a directory without its marker is a crashed install and is redone. Installs of one sha512 are
/// serialised in-process and across processes (<see cref="AssetInstallLock"/>); downloads are paced by a token bucket
/// (<see cref="RuntimeAssetOptions.RateLimit"/>, <see cref="RuntimeAssetOptions.BurstLimit"/>).
/// </summary>
public sealed class RuntimeAssetInstaller : IRuntimeAssetInstaller, IDisposable
{
    private const string MarkerSuffix = ".installed";

    private readonly IJavaScriptEngine _javaScript;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _timeProvider;
    private readonly FetchRateLimiter _rateLimiter;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);
    private readonly string _cacheDirectory;

    /// <param name="httpClient">Used for downloads when given (the caller owns it; <see cref="RuntimeAssetOptions.TrustedCaFile"/> is then the caller's business).</param>
    public RuntimeAssetInstaller(RuntimeAssetOptions options, IJavaScriptEngine javaScript, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(javaScript);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CacheDirectory);
        _javaScript = javaScript;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _cacheDirectory = Path.GetFullPath(options.CacheDirectory);
        _rateLimiter = new FetchRateLimiter(options.RateLimit, options.BurstLimit, _timeProvider);
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(CreateHandler(options.TrustedCaFile), disposeHandler: true);
    }

    public async Task<InstalledAsset?> InstallAsync(Asset asset, JsonNode? entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var name = asset.Metadata.Name ?? "";
        var source = AssetBuildSelector.Select(asset, entity, _javaScript, cancellationToken);
        if (source is null)
            return null;
        var sha512 = source.Sha512.Trim().ToLowerInvariant();
        try
        {
            if (sha512.Length == 0 || !sha512.All(char.IsAsciiHexDigitLower))
                throw new AssetInstallException($"\"{source.Sha512}\" is not a hexadecimal SHA-512 checksum");
            var directory = Path.Combine(_cacheDirectory, sha512);
            var marker = directory + MarkerSuffix;
            if (File.Exists(marker) && Directory.Exists(directory))
                return new InstalledAsset(name, sha512, directory);
            AssetCachePermissions.CreateDirectory(_cacheDirectory);
            var held = await AssetInstallLock.AcquireAsync(_locks, _cacheDirectory, sha512, _timeProvider, cancellationToken);
            await using (held)
            {
                if (!File.Exists(marker) || !Directory.Exists(directory))
                    await InstallLockedAsync(source, sha512, directory, marker, cancellationToken);
            }
            return new InstalledAsset(name, sha512, directory);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is AssetInstallException ? ex.Message : $"{ex.Message}";
            throw new AssetInstallException($"error installing asset \"{name}\" from {source.Url}: {reason}", ex);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    private async Task InstallLockedAsync(AssetSource source, string sha512, string directory, string marker, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(_cacheDirectory, $".tmp-{sha512[..16]}-{Guid.NewGuid():N}");
        var download = scratch + ".download";
        var unpacked = scratch + ".dir";
        try
        {
            await _rateLimiter.WaitAsync(cancellationToken);
            var actual = await AssetDownloader.DownloadAsync(_http, source, download, cancellationToken);
            if (!string.Equals(actual, sha512, StringComparison.Ordinal))
                throw new AssetInstallException($"sha512 of downloaded asset ({actual}) does not match specified sha512 ({sha512})");
            AssetArchive.Extract(download, unpacked, cancellationToken);
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
            File.Delete(marker);
            Directory.Move(unpacked, directory);
            var markerTemp = scratch + MarkerSuffix;
            var markerFile = AssetCachePermissions.CreateFile(markerTemp, useAsync: true);
            await using (markerFile)
                await markerFile.WriteAsync(System.Text.Encoding.UTF8.GetBytes(source.Url + Environment.NewLine), cancellationToken);
            File.Move(markerTemp, marker, overwrite: true);
        }
        finally
        {
            TryDelete(download);
            TryDelete(scratch + MarkerSuffix);
            if (Directory.Exists(unpacked))
                Directory.Delete(unpacked, recursive: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover scratch file is harmless; the next install uses a new name.
        }
    }

    private static SocketsHttpHandler CreateHandler(string? trustedCaFile)
    {
        var handler = new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None };
        if (string.IsNullOrEmpty(trustedCaFile))
            return handler;
        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPemFile(trustedCaFile);
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
                return true;
            if (certificate is null || chain is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                return false;
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
        };
        return handler;
    }
}
