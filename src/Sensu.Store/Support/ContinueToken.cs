using System.Buffers.Text;
using System.Text;

namespace Sensu.Store;

/// <summary>
/// The opaque continue token every provider issues: base64url (no padding) of the last key's parts,
/// joined by NUL. Providers share it so a token survives a change of store.
/// </summary>
public static class ContinueToken
{
    private const char Separator = '\0';

    public static string Encode(params ReadOnlySpan<string> parts)
    {
        var joined = string.Join(Separator, parts);
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(joined));
    }

    /// <summary>The token of a listing of events that goes on after <paramref name="key"/>.</summary>
    public static string After(EventKey key) => Encode(key.Namespace, key.Entity, key.Check);

    /// <summary>The token of a listing of resources that goes on after <paramref name="key"/>.</summary>
    public static string After(ResourceKey key) => Encode(key.Namespace, key.Name);

    /// <summary>Decodes a token made of exactly <paramref name="count"/> parts, or throws <see cref="InvalidContinueTokenException"/>.</summary>
    public static string[] Decode(string token, int count)
    {
        ArgumentNullException.ThrowIfNull(token);
        string joined;
        try
        {
            joined = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException ex)
        {
            throw new InvalidContinueTokenException(token, ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidContinueTokenException(token, ex);
        }

        var parts = joined.Split(Separator);
        if (parts.Length != count)
        {
            throw new InvalidContinueTokenException(token);
        }

        return parts;
    }
}
