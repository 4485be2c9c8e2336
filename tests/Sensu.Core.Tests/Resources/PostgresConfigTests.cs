using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Store;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class PostgresConfigTests
{
    [Fact]
    public void Every_field_is_written_as_the_api_shows_it()
    {
        var p = JsonRoundTrip.Read(
            """{"dsn":"postgresql://user:secret@host:5432/db","pool_size":20,"max_conn_lifetime":"5m","strict":true}""",
            SensuJsonContext.Default.PostgresConfig);
        p.Metadata = new ObjectMeta { Name = "my-postgres" };
        p.Validate();
        Assert.Equal(TimeSpan.FromMinutes(5), p.MaxConnLifetimeValue);
        var json = JsonRoundTrip.Write(p, SensuJsonContext.Default.PostgresConfig);
        Assert.Equal(
            ["batch_buffer", "batch_size", "batch_workers", "dsn", "max_conn_lifetime", "max_idle_conns", "pool_size", "strict", "enable_round_robin", "metadata"],
            JsonRoundTrip.Keys(json));
        Assert.Equal("5m", json["max_conn_lifetime"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", 1, "", "dsn must not be empty")]
    [InlineData("postgresql://h", -1, "", "pool_size must not be negative")]
    [InlineData("postgresql://h", 1, "5 minutes", "max_conn_lifetime: time: invalid duration \"5 minutes\"")]
    public void Invalid_configs(string dsn, int pool, string lifetime, string message)
    {
        var p = new PostgresConfig { Dsn = dsn, PoolSize = pool, MaxConnLifetime = lifetime, Metadata = new ObjectMeta { Name = "pg" } };
        Assert.Equal(message, Assert.Throws<ResourceValidationException>(p.Validate).Message);
    }
}
