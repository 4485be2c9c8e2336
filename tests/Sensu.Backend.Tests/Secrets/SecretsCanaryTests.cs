using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Apid;
using Sensu.Backend.Hosting;
using Sensu.Backend.Resources;
using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// A resolved canary value never reaches the backend's log output, whatever carries it: the message, a
/// structured value, an exception (and its inner exception), or a scope.
/// </summary>
public sealed class SecretsCanaryTests
{
    private const string Canary = "C4NARY-7f3a9e";

    [Fact]
    public async Task A_resolved_canary_never_reaches_the_backend_log()
    {
        var variable = "SENSU_TEST_CANARY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, Canary);
        var stateDir = Directory.CreateTempSubdirectory("sensu-canary-").FullName;
        var logs = new CapturingLoggerProvider();
        try
        {
            var options = new BackendOptions
            {
                StateDir = stateDir,
                CacheDir = Path.Combine(stateDir, "cache"),
                ApiListenAddress = "127.0.0.1:0",
                DashboardHost = "127.0.0.1",
                DashboardPort = 0,
                LogLevel = "debug",
                ClusterAdminUsername = "admin",
                ClusterAdminPassword = "P@ssw0rd!",
            };
            var app = BackendHost.Build(options, [s => s.AddSecrets(), s => s.AddSingleton<ILoggerProvider>(logs)]);
            await using (app)
            {
                await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(CancellationToken.None);
                await app.StartAsync(CancellationToken.None);
                var resources = app.Services.GetRequiredService<ResourceService>();
                await resources.PutAsync(new Secret { Id = variable, Provider = "env", Metadata = new ObjectMeta { Name = "canary", Namespace = "default" } }, CancellationToken.None);
                var catalog = app.Services.GetRequiredService<SecretCatalog>();
                await SecretsHarness.EventuallyAsync(() => catalog.Find("default", "canary") is not null);

                var resolved = await app.Services.GetRequiredService<SecretsResolver>()
                    .ResolveAsync("default", [new SecretReference { Name = "TOKEN", Secret = "canary" }], CancellationToken.None);
                Assert.Equal(Canary, resolved.Single().Value.Reveal());

                var logger = app.Services.GetRequiredService<ILogger<SecretsCanaryTests>>();
#pragma warning disable CA1848, CA2254 // the point is to log the canary in every way a caller could
                using (logger.BeginScope("scope holding {Value}", Canary))
                {
                    logger.LogInformation("handler output: token is " + Canary);
                    logger.LogWarning("structured {Token} and {Env}", Canary, $"TOKEN={Canary}");
                    logger.LogError(new InvalidOperationException($"command failed: {Canary}", new IOException(Canary)), "failed with {Reason}", Canary);
                    logger.LogDebug("value object {Value}", resolved.Single().Value);
                }
#pragma warning restore CA1848, CA2254
                await app.StopAsync(CancellationToken.None);
            }

            Assert.Contains(logs.Lines, l => l.Contains("handler output: token is REDACTED"));
            Assert.Contains(logs.Lines, l => l.Contains("[7010]") && l.Contains("canary"));
            Assert.Contains(logs.Lines, l => l.Contains("command failed: REDACTED"));
            Assert.DoesNotContain(Canary, logs.All);
            // Values live in memory only: no file of the state dir (database, WAL) holds the canary.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(stateDir, "*", SearchOption.AllDirectories))
                Assert.DoesNotContain(Canary, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(stateDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    [Fact]
    public void An_invalid_default_ttl_is_refused_at_start()
    {
        var services = new ServiceCollection();
        services.AddSecrets(o => o.DefaultTtl = TimeSpan.FromSeconds(-1));
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SecretsOptions>>().Value);
        Assert.Contains("must not be negative", error.Message);
    }
}
