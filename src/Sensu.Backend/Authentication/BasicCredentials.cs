using System.Text;

namespace Sensu.Backend.Authentication;

/// <summary>Parses <c>Authorization: Basic base64(user:password)</c>.</summary>
public static class BasicCredentials
{
    public static bool TryParse(string? header, out string username, out string password)
    {
        username = string.Empty;
        password = string.Empty;
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        username = decoded[..colon];
        password = decoded[(colon + 1)..];
        return username.Length > 0;
    }
}
