using System.Globalization;

namespace Sensu.Cli.Commands.Asset;

/// <summary>A semantic version as Bonsai lists them (<c>1.2.0</c>, <c>v0.4.1</c>, <c>2.0.0-beta.1</c>), comparable.</summary>
public sealed record SemVersion(int Major, int Minor, int Patch, string PreRelease, string Text) : IComparable<SemVersion>
{
    public static bool TryParse(string? text, out SemVersion version)
    {
        version = null!;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var core = text.Trim().TrimStart('v', 'V');
        var build = core.IndexOf('+', StringComparison.Ordinal);
        if (build >= 0)
            core = core[..build];
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var pre = dash >= 0 ? core[(dash + 1)..] : "";
        if (dash >= 0)
            core = core[..dash];
        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3)
            return false;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return false;
        }
        version = new SemVersion(numbers[0], numbers[1], numbers[2], pre, text.Trim());
        return true;
    }

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
            return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0)
            return c;
        if (PreRelease.Length == 0 || other.PreRelease.Length == 0)
            return (PreRelease.Length == 0 ? 1 : 0) - (other.PreRelease.Length == 0 ? 1 : 0);
        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }

    public bool SameAs(SemVersion other) => CompareTo(other) == 0;

    public override string ToString() => Text;
}
