using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class VaultProviderTests
{
    private static VaultProvider Read(string client) =>
        JsonRoundTrip.Read($$$"""{"client":{{{client}}},"metadata":{"name":"vault"}}""", SensuJsonContext.Default.VaultProvider);

    [Fact]
    public void Docs_example_round_trips_with_every_field_written()
    {
        var p = Read("""
            {"address":"https://vaultserver.example.com:8200","token":"VAULT_TOKEN","version":"v1",
             "tls":{"ca_cert":"/etc/ssl/certs/vault_ca_cert.pem"},"max_retries":2,"timeout":"20s",
             "rate_limiter":{"limit":10.0,"burst":100}}
            """);
        p.Validate();
        var client = JsonRoundTrip.Write(p, SensuJsonContext.Default.VaultProvider)["client"]!.AsObject();
        Assert.Equal(["address", "token", "version", "tls", "max_retries", "timeout", "rate_limiter", "agent_address"], JsonRoundTrip.Keys(client));
        Assert.Equal("20s", client["timeout"]!.GetValue<string>());
        Assert.Equal(["ca_cert", "client_cert", "client_key", "cname", "insecure", "tls_server_name", "ca_path"], JsonRoundTrip.Keys(client["tls"]!.AsObject()));
        Assert.Equal(10.0, client["rate_limiter"]!["limit"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("\"20s\"", "20s")]
    [InlineData("30", "30s")]
    [InlineData("60", "1m0s")]
    [InlineData("3600", "1h0m0s")]
    [InlineData("\"1m30s\"", "1m30s")]
    [InlineData("\"1.5s\"", "1.5s")]
    [InlineData("\"500ms\"", "500ms")]
    public void Timeout_accepts_go_durations_and_seconds_and_writes_go_durations(string input, string expected)
    {
        var p = Read($$$"""{"address":"http://localhost:8200","token":"t","version":"v2","timeout":{{{input}}}}""");
        Assert.Equal(expected, JsonRoundTrip.Write(p, SensuJsonContext.Default.VaultProvider)["client"]!["timeout"]!.GetValue<string>());
    }

    [Fact]
    public void Omitted_optional_fields_take_vault_defaults_and_tls_is_written_as_null()
    {
        var p = Read("""{"address":"http://localhost:8200","token":"","version":"v2"}""");
        Assert.Null(p.Client.Token);
        Assert.Equal(2, p.Client.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(60), p.Client.Timeout);
        var client = JsonRoundTrip.Write(p, SensuJsonContext.Default.VaultProvider)["client"]!.AsObject();
        Assert.True(client.ContainsKey("tls"));
        Assert.Null(client["tls"]);
        Assert.Equal("1m0s", client["timeout"]!.GetValue<string>());
        // Like tls, and like every client field in the docs' real-server output (SensuJsonShapes.tsv): written, null.
        Assert.True(client.ContainsKey("rate_limiter"));
        Assert.Null(client["rate_limiter"]);
        Assert.Equal("", client["token"]!.GetValue<string>());
    }

    [Fact]
    public void Bad_timeout_text_is_a_json_error() =>
        Assert.Throws<System.Text.Json.JsonException>(() => Read("""{"address":"http://x","token":"t","version":"v2","timeout":"20 parsecs"}"""));

    [Fact]
    public void Certificate_auth_needs_no_token()
    {
        var p = Read("""{"address":"https://vault.example.com:8200","version":"v2","tls":{"ca_cert":"/ca.pem","client_cert":"/c.pem","client_key":"/k.pem","cname":"sensu"}}""");
        Assert.True(p.Client.UsesCertificateAuth);
        p.Validate();
    }

    [Theory]
    [InlineData("""{"token":"t","version":"v2"}""", "client address must not be empty")]
    [InlineData("""{"address":"vault:8200","token":"t","version":"v2"}""", "client address vault:8200 is not an http or https URL")]
    [InlineData("""{"address":"http://x","version":"v2"}""", "client token must not be empty unless tls client_cert authentication is configured")]
    [InlineData("""{"address":"http://x","token":"t","version":"v3"}""", "client version must be v1 or v2, not \"v3\"")]
    [InlineData("""{"address":"http://x","token":"t","version":"v1","max_retries":-1}""", "client max_retries must not be negative")]
    [InlineData("""{"address":"http://x","token":"t","version":"v1","timeout":"-1s"}""", "client timeout must not be negative")]
    [InlineData("""{"address":"http://x","token":"t","version":"v1","rate_limiter":{"limit":-1,"burst":1}}""", "client rate_limiter limit must not be negative")]
    [InlineData("""{"address":"http://x","version":"v1","tls":{"client_cert":"/c.pem"}}""", "client tls client_cert and client_key must be set together")]
    public void Invalid_clients(string client, string message)
    {
        var p = Read(client);
        Assert.Equal(message, Assert.Throws<ResourceValidationException>(p.Validate).Message);
    }

    [Fact]
    public void Needs_a_name_but_ignores_a_namespace()
    {
        var p = Read("""{"address":"http://x","token":"t","version":"v1"}""");
        p.Metadata = new ObjectMeta { Name = "vault", Namespace = "default" };
        p.Validate();
        p.Metadata = new ObjectMeta();
        Assert.Equal("name must not be empty", Assert.Throws<ResourceValidationException>(p.Validate).Message);
    }
}
