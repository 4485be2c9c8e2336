using System.ComponentModel.DataAnnotations;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Tests.Hosting;

public sealed class PostgresStoreOptionsTests
{
    [Fact]
    public void The_postgres_flags_reach_the_store_options_with_the_dsn_unchanged()
    {
        const string dsn = "Host=a,b;Database=sensu;Target Session Attributes=primary";
        var store = BackendOptionsBinding.Store(new BackendOptions
        {
            Store = "postgres",
            PostgresDsn = dsn,
            PostgresMaxOpenConns = 40,
            PostgresBatchSize = 100,
            PostgresBatchWorkers = 3,
        });

        Assert.True(store.IsPostgres);
        Assert.Equal(dsn, store.PostgresDsn);
        Assert.Equal((40, 100, 3), (store.PostgresMaxOpenConns, store.PostgresBatchSize, store.PostgresBatchWorkers));
        Assert.Empty(Validate(store));
    }

    [Fact]
    public void Sqlite_stays_the_default_and_postgres_needs_a_dsn()
    {
        Assert.False(BackendOptionsBinding.Store(new BackendOptions()).IsPostgres);

        var errors = Validate(BackendOptionsBinding.Store(new BackendOptions { Store = "postgres" }));

        Assert.Contains(errors, e => e.ErrorMessage == "postgres-dsn is required with --store postgres");
    }

    private static List<ValidationResult> Validate(StoreOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
