using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class HandlerTests
{
    private static Handler Valid() => new()
    {
        Type = Handler.PipeType,
        Command = "sensu-slack-handler",
        Metadata = new ObjectMeta { Name = "slack", Namespace = "default" },
    };

    private static string ErrorOf(Action<Handler> change)
    {
        var handler = Valid();
        change(handler);
        return Assert.Throws<ResourceValidationException>(handler.Validate).Message;
    }

    [Fact]
    public void Valid_handlers_pass()
    {
        Valid().Validate();
        var set = Valid();
        set.Type = Handler.SetType;
        set.Command = null;
        set.Handlers = ["a", "b"];
        set.Validate();
        var tcp = Valid();
        tcp.Type = Handler.TcpType;
        tcp.Socket = new HandlerSocket { Host = "10.0.0.1", Port = 4444 };
        tcp.Validate();
    }

    [Fact]
    public void Handler_rules_use_sensus_messages()
    {
        Assert.Equal("tcp and udp handlers need a valid socket", ErrorOf(h => h.Type = "tcp"));
        Assert.Equal("socket host undefined", ErrorOf(h => { h.Type = "udp"; h.Socket = new HandlerSocket { Port = 1 }; }));
        Assert.Equal("socket port undefined", ErrorOf(h => { h.Type = "tcp"; h.Socket = new HandlerSocket { Host = "h" }; }));
        Assert.Equal("missing command", ErrorOf(h => h.Command = "  "));
        Assert.Equal("unknown handler type: foo", ErrorOf(h => h.Type = "foo"));
        Assert.Equal("empty handler type", ErrorOf(h => h.Type = null));
        Assert.Equal("handler name cannot contain spaces or special characters", ErrorOf(h => h.Metadata.Name = "sla ck"));
        Assert.Equal("namespace must be set", ErrorOf(h => h.Metadata.Namespace = null));
        var envVars = Valid();
        envVars.EnvVars = ["=x"];
        envVars.Validate(); // Sensu's Handler.Validate does not look at env_vars
    }

    [Fact]
    public void Socket_handlers_default_to_sixty_seconds()
    {
        var h = Valid();
        Assert.Equal(0u, h.EffectiveTimeout);
        h.Type = Handler.TcpType;
        Assert.Equal(60u, h.EffectiveTimeout);
        h.Timeout = 5;
        Assert.Equal(5u, h.EffectiveTimeout);
    }

    [Fact]
    public void Minimal_handler_writes_sensus_field_set()
    {
        var h = JsonRoundTrip.Read("""{"type":"pipe","command":"x","mutator":"","metadata":{"name":"h"}}""", SensuJsonContext.Default.Handler);
        var json = JsonRoundTrip.Write(h, SensuJsonContext.Default.Handler);
        Assert.Equal(["command", "env_vars", "filters", "handlers", "metadata", "runtime_assets", "secrets", "timeout", "type"],
            JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal));
        Assert.Null(json["secrets"]);
    }

    [Fact]
    public void Full_handler_round_trips()
    {
        const string input = """
            {"metadata":{"name":"tcp","namespace":"default"},"type":"tcp","timeout":30,"socket":{"host":"127.0.0.1","port":3000},
             "handlers":null,"filters":["is_incident"],"mutator":"only_check_output","env_vars":["A=1"],"runtime_assets":null,
             "secrets":[{"name":"TOKEN","secret":"t"}]}
            """;
        var h = JsonRoundTrip.Read(input, SensuJsonContext.Default.Handler);
        h.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(h, SensuJsonContext.Default.Handler)));
    }
}
