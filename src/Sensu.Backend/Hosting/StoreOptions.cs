using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The store's settings (<c>--store</c>, <c>--state-dir</c>, <c>--store-sync</c>, <c>--postgres-*</c>), validated at start.
/// The <c>--postgres-*</c> pool and batch settings are named after the fields of Sensu's <c>PostgresConfig</c>.
/// </summary>
public sealed class StoreOptions : IValidatableObject
{
    [Required(ErrorMessage = "state-dir must not be empty")]
    public string StateDir { get; set; } = "/var/lib/sensu/sensu-backend";

    /// <summary>Durability of store commits: <c>full</c> (fsync every commit, the default) or <c>normal</c>.</summary>
    [RegularExpression("^(full|normal)$", ErrorMessage = "store-sync must be one of full, normal")]
    public string StoreSync { get; set; } = "full";

    /// <summary><c>sqlite</c> (the default) or <c>postgres</c>.</summary>
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "store must be one of sqlite, postgres")]
    public string Store { get; set; } = "sqlite";

    public string? PostgresDsn { get; set; }

    [Range(0, 10_000, ErrorMessage = "postgres-max-open-conns must be between 0 and 10000")]
    public int PostgresMaxOpenConns { get; set; }

    [Range(0, 10_000, ErrorMessage = "postgres-max-idle-conns must be between 0 and 10000")]
    public int PostgresMaxIdleConns { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "postgres-max-conn-lifetime must not be negative")]
    public int PostgresMaxConnLifetime { get; set; }

    [Range(0, int.MaxValue, ErrorMessage = "postgres-batch-buffer must not be negative")]
    public int PostgresBatchBuffer { get; set; }

    [Range(1, 100_000, ErrorMessage = "postgres-batch-size must be between 1 and 100000")]
    public int PostgresBatchSize { get; set; } = 512;

    [Range(1, 64, ErrorMessage = "postgres-batch-workers must be between 1 and 64")]
    public int PostgresBatchWorkers { get; set; } = 2;

    public bool IsPostgres => string.Equals(Store, "postgres", StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(PostgresDsn))
            yield return new ValidationResult("postgres-dsn is required with --store postgres", [nameof(PostgresDsn)]);
    }
}
