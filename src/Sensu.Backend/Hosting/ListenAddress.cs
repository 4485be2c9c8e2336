using System.Globalization;
using System.Net;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Hosting;

/// <summary>A <c>host:port</c> listen address as Sensu writes them (<c>[::]:8080</c>, <c>127.0.0.1:0</c>, <c>:8080</c>).</summary>
public sealed record ListenAddress(IPAddress? Address, string Host, int Port)
{
    /// <summary>True for <c>[::]</c>, <c>0.0.0.0</c> or an empty host: every interface.</summary>
    public bool IsAny => Address is not null && (Address.Equals(IPAddress.IPv6Any) || Address.Equals(IPAddress.Any));

    public static ListenAddress Parse(string value, string setting)
    {
        var colon = value.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new SettingsException($"{setting}: \"{value}\" is not host:port");
        return FromHost(value[..colon], port, setting);
    }

    public static ListenAddress FromHost(string host, int port, string setting)
    {
        var bare = host.Trim('[', ']');
        if (bare.Length == 0)
            return new ListenAddress(IPAddress.IPv6Any, host, port);
        if (IPAddress.TryParse(bare, out var address))
            return new ListenAddress(address, host, port);
        if (bare.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return new ListenAddress(IPAddress.Loopback, host, port);
        throw new SettingsException($"{setting}: \"{host}\" is not an IP address");
    }
}
