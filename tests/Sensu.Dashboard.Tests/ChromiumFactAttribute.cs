namespace Sensu.Dashboard.Tests;

/// <summary>A browser test: skipped, with the reason, where Debian's chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"chromium not found at {ChromiumPath} (apt-get install chromium; .ci/run installs it)";
    }
}
