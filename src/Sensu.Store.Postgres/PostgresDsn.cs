using System.Text;
using Npgsql;

namespace Sensu.Store.Postgres;

/// <summary>
/// The DSN as Npgsql takes it. Keyword form (<c>Host=a,b;Database=sensu;Target Session Attributes=primary</c>) passes
/// through unchanged; a <c>postgres://user:password@host:port/database?sslmode=require</c> URL, as Sensu's examples
/// write it, is turned into keywords. <see cref="Describe"/> names the server for messages without the password.
/// </summary>
public static class PostgresDsn
{
    public static NpgsqlConnectionStringBuilder Parse(string dsn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dsn);
        var trimmed = dsn.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return FromUrl(trimmed);
        try
        {
            return new NpgsqlConnectionStringBuilder(trimmed);
        }
        catch (ArgumentException ex)
        {
            // The driver's message may quote the DSN (and so its password): name only the problem.
            throw new ArgumentException("the PostgreSQL DSN is not a valid connection string (keywords such as Host=...;Database=...;Username=...)", nameof(dsn), new InvalidOperationException(ex.GetType().Name));
        }
    }

    /// <summary>host:port/database of the DSN, for operators; never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Port;
        var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder();
        foreach (var host in hosts)
        {
            if (text.Length != 0)
                text.Append(',');
            text.Append(host.Contains(':', StringComparison.Ordinal) || host.StartsWith('/') ? host : $"{host}:{port}");
        }
        return $"{text}/{builder.Database ?? builder.Username ?? "postgres"}";
    }

    /// <summary>Removes <paramref name="password"/> from a message, should a driver ever quote it.</summary>
    public static string Scrub(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            throw new ArgumentException("the PostgreSQL DSN is not a valid postgres:// URL", nameof(url));
        var builder = new NpgsqlConnectionStringBuilder();
        if (uri.Host.Length != 0)
            builder.Host = uri.Host;
        if (!uri.IsDefaultPort && uri.Port > 0)
            builder.Port = uri.Port;
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length != 0)
            builder.Database = database;
        if (uri.UserInfo.Length != 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = value.ToLowerInvariant() switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new ArgumentException($"unknown sslmode \"{value}\" in the PostgreSQL DSN", nameof(url)),
                    };
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "target_session_attrs":
                    builder.TargetSessionAttributes = value;
                    break;
                default:
                    throw new ArgumentException($"the PostgreSQL DSN parameter \"{key}\" is not supported; use the keyword form (Host=...;Database=...)", nameof(url));
            }
        }
        return builder;
    }
}
