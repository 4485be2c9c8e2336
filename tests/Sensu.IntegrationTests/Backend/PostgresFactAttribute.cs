using Sensu.Testing.Postgres;

namespace Sensu.IntegrationTests.Backend;

/// <summary>
/// A fact that needs a PostgreSQL server. Outside CI a machine without PostgreSQL's binaries skips it with the reason;
/// with CI=true it always runs (and fails with <see cref="PostgresBinaries.MissingMessage"/> when they are missing).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresBinaries.Available)
            Skip = PostgresBinaries.MissingMessage + " (skipped because CI is not 'true')";
    }
}
