using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.LoadTool;

/// <summary>Check results posted to the REST API (the "API accept → handler start" latency of issue 5), one proxy entity per simulated source.</summary>
public sealed class ApiResultSender(BackendApi api, LoadOptions options, TimeProvider time)
{
    public Task SendAsync(long index, bool measured, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var name = options.AgentPrefix + (index % Math.Max(1, options.Agents)).ToString("D5", CultureInfo.InvariantCulture);
        var ev = new Event
        {
            Entity = new Entity { Metadata = new ObjectMeta { Name = name, Namespace = options.Namespace }, EntityClass = "proxy" },
            Check = new Check
            {
                Metadata = new ObjectMeta { Name = "load-api-check", Namespace = options.Namespace },
                Interval = 10,
                Executed = now,
                Issued = now,
                Output = measured
                    ? LatencyReceiver.Marker + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture)
                    : "load ok",
                Handlers = measured ? [Program.LatencyHandler] : [],
            },
            Timestamp = now,
        };
        return api.PostEventAsync(JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event), cancellationToken);
    }
}
