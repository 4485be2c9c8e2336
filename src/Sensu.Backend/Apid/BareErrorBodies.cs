using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Sensu.Backend.Apid;

/// <summary>Connection filter for the API listener: Kestrel's own error responses get Sensu's error body.</summary>
public static class BareErrorBodies
{
    /// <summary>Adds the filter; call after <c>UseHttps</c> so it sees the decrypted stream.</summary>
    public static ListenOptions UseSensuErrorBodies(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new Duplex(transport.Input, new BareErrorBodyWriter(transport.Output));
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
        return listen;
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
