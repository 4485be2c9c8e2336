using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Store;

/// <summary>
/// store/v1 PostgresConfig (core-spec §11.4): creating one moves events (and entity state, and round-robin
/// scheduling when enabled) to PostgreSQL. Every field is written, as the API's output in the docs shows.
/// </summary>
public sealed class PostgresConfig : IResource, IJsonOnDeserialized
{
    public int BatchBuffer { get; set; }

    public int BatchSize { get; set; }

    public int BatchWorkers { get; set; }

    /// <summary>Connection string, URL (<c>postgresql://user:pass@host:5432/db</c>) or key=value form.</summary>
    public string Dsn { get; set; } = "";

    /// <summary>Go duration text as given (<c>"5m"</c>); empty means no limit. See <see cref="MaxConnLifetimeValue"/>.</summary>
    public string MaxConnLifetime { get; set; } = "";

    public int MaxIdleConns { get; set; }

    public int PoolSize { get; set; }

    public bool Strict { get; set; }

    public bool EnableRoundRobin { get; set; }

    /// <summary>Serialised as <c>metadata</c>; the wrapper codec keeps it outside the spec for store/v1.</summary>
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary><see cref="MaxConnLifetime"/> parsed; null when empty (or invalid: <see cref="Validate"/> rejects that).</summary>
    [JsonIgnore]
    public TimeSpan? MaxConnLifetimeValue =>
        GoDuration.TryParse(MaxConnLifetime, out var value) ? value : null;

    public void Validate()
    {
        Validators.Name(Metadata.Name);
        if (string.IsNullOrEmpty(Dsn))
            throw new ResourceValidationException("dsn must not be empty");
        if (PoolSize < 0)
            throw new ResourceValidationException("pool_size must not be negative");
        if (MaxIdleConns < 0)
            throw new ResourceValidationException("max_idle_conns must not be negative");
        if (BatchBuffer < 0 || BatchSize < 0 || BatchWorkers < 0)
            throw new ResourceValidationException("batch_buffer, batch_size and batch_workers must not be negative");
        if (MaxConnLifetime.Length > 0 && !GoDuration.TryParse(MaxConnLifetime, out _))
            throw new ResourceValidationException($"max_conn_lifetime: time: invalid duration \"{MaxConnLifetime}\"");
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Dsn ??= "";
        MaxConnLifetime ??= "";
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
