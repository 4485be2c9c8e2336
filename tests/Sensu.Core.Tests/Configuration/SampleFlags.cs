using Sensu.Core.Configuration;

namespace Sensu.Core.Tests.Configuration;

internal static class SampleFlags
{
    private static readonly FlagFactory<SampleOptions> F = new("SENSU_SAMPLE_");

    public static FlagTable<SampleOptions> Table(string defaultConfigFile) => new(
        F,
        defaultConfigFile,
        [
            F.Text("name", "name", (o, v) => o.Name = v),
            F.Number("port", "port", (o, v) => o.Port = v),
            F.Switch("verbose", "verbose", (o, v) => o.Verbose = v),
            F.List("url", "urls", o => o.Urls),
            F.Map("labels", "labels", o => o.Labels),
            F.Duration("retry", "retry", (o, v) => o.Retry = v),
            F.Choice("mode", "mode", ["full", "normal"], (o, v) => o.Mode = v),
            F.Unavailable(F.Number("dashboard", "dashboard port", (o, v) => o.Dashboard = v), v => v == "3000", "not available yet"),
        ],
        static () => new SampleOptions(),
        static o =>
        {
            if (o.Port is < 0 or > 65535)
                throw new SettingsException("port must be between 0 and 65535");
        });
}
