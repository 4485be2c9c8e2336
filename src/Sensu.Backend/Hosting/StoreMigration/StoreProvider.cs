namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>The store providers <c>migrate-store</c> reads and writes.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}
