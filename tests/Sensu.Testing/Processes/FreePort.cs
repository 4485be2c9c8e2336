using System.Net;
using System.Net.Sockets;

namespace Sensu.Testing.Processes;

/// <summary>Asks the OS for a loopback TCP port that is free right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
