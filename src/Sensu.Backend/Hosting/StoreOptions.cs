using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Hosting;

/// <summary>The embedded store's settings (<c>--state-dir</c>, <c>--store-sync</c>), validated at start.</summary>
public sealed class StoreOptions
{
    [Required(ErrorMessage = "state-dir must not be empty")]
    public string StateDir { get; set; } = "/var/lib/sensu/sensu-backend";

    /// <summary>Durability of store commits: <c>full</c> (fsync every commit, the default) or <c>normal</c>.</summary>
    [RegularExpression("^(full|normal)$", ErrorMessage = "store-sync must be one of full, normal")]
    public string StoreSync { get; set; } = "full";
}
