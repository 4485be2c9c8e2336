using System.Globalization;
using System.Text;

namespace Sensu.Core.Resources.Core;

/// <summary>Go string behaviours that Sensu's validation messages and normalisation depend on.</summary>
internal static class GoText
{
    /// <summary>Go's (deprecated) <c>strings.Title</c>: upper-cases the first letter of every word.</summary>
    public static string Title(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value ?? "";
        var sb = new StringBuilder(value.Length);
        var previous = ' ';
        foreach (var c in value)
        {
            sb.Append(IsSeparator(previous) ? char.ToUpperInvariant(c) : c);
            previous = c;
        }
        return sb.ToString();
    }

    /// <summary>Go's <c>%q</c> for plain text: a double-quoted string with backslash escapes.</summary>
    public static string Quote(string? value)
    {
        var sb = new StringBuilder((value?.Length ?? 0) + 2).Append('"');
        foreach (var c in value ?? "")
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsSeparator(char c)
    {
        if (c <= 0x7F)
            return !(char.IsAsciiLetterOrDigit(c) || c == '_');
        if (char.IsLetterOrDigit(c))
            return false;
        return char.IsWhiteSpace(c);
    }
}
