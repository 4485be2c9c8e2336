using SensuAsset = Sensu.Core.Resources.Core.Asset;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Asset;

/// <summary>The fields of <c>sensuctl asset create|update</c>: a single-build asset (URL, checksum, filters).</summary>
public static class AssetForm
{
    public static ResourceForm<SensuAsset> Build() => new("Asset",
    [
        new("url", "u", "the URL of the asset", "URL", a => a.Url ?? "", (a, v) => a.Url = v) { Required = true },
        new("sha512", null, "SHA-512 checksum of the asset's archive", "SHA-512 Checksum", a => a.Sha512 ?? "", (a, v) => a.Sha512 = v) { Required = true },
        new("filter", null, "queries used by an entity to determine if it should include the asset", "Filters",
            a => Text(a.Filters), (a, v) => a.Filters = Csv(v)) { Repeatable = true },
    ]);
}
