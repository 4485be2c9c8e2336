using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sensu.Testing.Vault;

/// <summary>
/// A small real Vault stand-in on 127.0.0.1 (port 0), built from Vault's documented HTTP API: KV v1/v2, token
/// checks, TLS certificate login, token renewal, fault switches and a request log. The one permitted fake.
/// </summary>
public sealed class FakeVault : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FakeVaultStore _store;
    private readonly ConcurrentQueue<FakeVaultRequest> _log;
    private bool _stopped;

    private FakeVault(WebApplication app, FakeVaultStore store, ConcurrentQueue<FakeVaultRequest> log, FakeVaultFaults faults, string rootToken)
    {
        _app = app;
        _store = store;
        _log = log;
        Faults = faults;
        RootToken = rootToken;
    }

    /// <summary>Base address, such as <c>https://127.0.0.1:41234</c>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>A token that never expires.</summary>
    public string RootToken { get; }

    public FakeVaultFaults Faults { get; }

    /// <summary>Every request answered so far, oldest first.</summary>
    public IReadOnlyList<FakeVaultRequest> Requests => [.. _log];

    /// <summary>
    /// Starts a fake Vault. Like the dev server, <c>secret/</c> is a KV v2 mount; add others with
    /// <see cref="EnableKv"/>.
    /// </summary>
    public static async Task<FakeVault> StartAsync(FakeVaultOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeVaultOptions();
        var store = new FakeVaultStore(options.Time);
        store.Mount("secret", 2);
        store.IssueToken(TimeSpan.Zero, renewable: false, options.RootToken);
        var faults = new FakeVaultFaults();
        var log = new ConcurrentQueue<FakeVaultRequest>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                });
            }
        }));
        var app = builder.Build();
        var api = new FakeVaultApi(store, faults, log);
        app.Run(api.HandleAsync);
        await app.StartAsync(cancellationToken);
        var vault = new FakeVault(app, store, log, faults, options.RootToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vault.Address = address.TrimEnd('/');
        return vault;
    }

    /// <summary>Mounts a KV engine of <paramref name="version"/> (1 or 2) at <paramref name="mount"/>.</summary>
    public void EnableKv(string mount, int version) => _store.Mount(mount, version);

    /// <summary>Writes a secret as <c>vault kv put</c> would (values: strings, numbers, booleans, objects).</summary>
    public void WriteSecret(string mount, string path, IReadOnlyDictionary<string, object?> data)
    {
        var json = new JsonObject();
        foreach (var (key, value) in data)
            json[key] = value is null ? null : JsonValue.Create(value) ?? throw new ArgumentException($"unsupported value for {key}");
        _store.Write(mount.Trim('/'), path, json);
    }

    /// <summary>Soft-deletes the latest version of a KV v2 secret.</summary>
    public void DeleteSecret(string mount, string path) => _store.SoftDelete(mount.Trim('/'), path);

    /// <summary>Issues a token (a TTL of zero never expires).</summary>
    public string CreateToken(TimeSpan ttl, bool renewable = false) => _store.IssueToken(ttl, renewable).Id;

    public void RevokeToken(string token) => _store.Revoke(token);

    /// <summary>Registers a cert auth role trusting <paramref name="certificate"/>, as <c>vault write auth/cert/certs/&lt;name&gt;</c>.</summary>
    public void RegisterCertificate(string roleName, X509Certificate2 certificate, TimeSpan ttl, bool renewable = true) =>
        _store.AddRole(new FakeVaultCertRole(roleName, certificate.Thumbprint, ttl, renewable));

    public void ClearRequests() => _log.Clear();

    /// <summary>Stops listening: Vault is down and connections are refused.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
            return;
        _stopped = true;
        await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
