using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

/// <summary>Every sensuctl command of reference/seed-secrets-management.md, as written, against a fresh backend.</summary>
public sealed class SeedGuideTests
{
    internal const string EnvSecret = """
        ---
        type: Secret
        api_version: secrets/v1
        metadata:
          name: pagerduty_key
          namespace: default
        spec:
          id: SENSU_PAGERDUTY_KEY
          provider: env
        """;

    private const string VaultProvider = """
        ---
        type: VaultProvider
        api_version: secrets/v1
        metadata:
          name: vault
        spec:
          client:
            address: http://localhost:8200
            token: ROOT_TOKEN
            version: v2
            tls: null
            max_retries: 2
            timeout: 20s
            rate_limiter:
              limit: 10
              burst: 100
        """;

    private const string VaultSecret = """
        ---
        type: Secret
        api_version: secrets/v1
        metadata:
          name: pagerduty_key
          namespace: default
        spec:
          id: secret/pagerduty#key
          provider: vault
        """;

    private const string Handler = """
        ---
        api_version: core/v2
        type: Handler
        metadata:
          namespace: default
          name: pagerduty
        spec:
          type: pipe
          command: pagerduty-handler --dedup-key $DEDUP_KEY
          secrets:
          - name: DEDUP_KEY
            secret: pagerduty_key
          runtime_assets:
          - pagerduty-handler
          timeout: 10
          filters:
          - is_incident
        """;

    [Fact]
    public async Task TheGuide_RunsAsWritten()
    {
        await using var backend = await TestBackend.StartAsync();
        await using var hub = await FakeBonsaiHub.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString();
        await cli.ConfigureAsync(backend);

        var created = (await cli.RunAsync("create", EnvSecret)).AssertSuccess();
        Assert.Contains("Created Secret \"pagerduty_key\" in namespace \"default\"", created.Out);
        (await cli.RunAsync("create", VaultProvider)).AssertSuccess();
        (await cli.RunAsync("create", VaultSecret)).AssertSuccess();

        var added = (await cli.RunAsync("asset add sensu/sensu-pagerduty-handler:1.2.0 -r pagerduty-handler")).AssertSuccess();
        Assert.Contains("added asset: sensu/sensu-pagerduty-handler:1.2.0", added.Out);
        Assert.Contains("/api/v1/assets/sensu/sensu-pagerduty-handler/1.2.0/release_asset_builds", hub.Requests);

        var list = (await cli.RunAsync("asset list --format yaml")).AssertSuccess();
        Assert.Contains("type: Asset", list.Out);
        Assert.Contains("name: pagerduty-handler", list.Out);
        Assert.Contains("sensu-pagerduty-handler_1.2.0_linux_amd64.tar.gz", list.Out);

        (await cli.RunAsync("create", Handler)).AssertSuccess();

        var secret = JsonNode.Parse((await cli.RunAsync("secret info pagerduty_key --format json")).AssertSuccess().Out)!;
        Assert.Equal("vault", secret["spec"]?["provider"]?.GetValue<string>() ?? secret["provider"]?.GetValue<string>());
        var handler = JsonNode.Parse((await cli.RunAsync("handler info pagerduty --format json")).AssertSuccess().Out)!;
        Assert.Equal("pagerduty_key", handler["secrets"]![0]!["secret"]!.GetValue<string>());
        Assert.Equal("sensuctl", handler["metadata"]!["labels"]!["sensu.io/managed_by"]!.GetValue<string>());
        var providers = (await cli.RunAsync("provider list")).AssertSuccess();
        Assert.Contains("vault", providers.Out);
        Assert.Contains("env", providers.Out);
    }
}
