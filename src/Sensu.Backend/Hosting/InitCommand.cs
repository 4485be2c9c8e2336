using Microsoft.Extensions.DependencyInjection;

namespace Sensu.Backend.Hosting;

/// <summary><c>sensu-backend init</c>: seeds a new store; on an initialised one says so and changes nothing (exit 3).</summary>
public static class InitCommand
{
    public const int AlreadyInitializedExitCode = 3;

    public static async Task<int> RunAsync(BackendOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.ClusterAdminUsername) || string.IsNullOrEmpty(options.ClusterAdminPassword))
        {
            await Console.Error.WriteLineAsync("error: init needs --cluster-admin-username and --cluster-admin-password (or SENSU_BACKEND_CLUSTER_ADMIN_USERNAME and SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD)");
            return 2;
        }

        var app = BackendHost.Build(options, []);
        await using (app)
        {
            var initializer = app.Services.GetRequiredService<ClusterInitializer>();
            try
            {
                if (!await initializer.InitializeAsync(options.ClusterAdminUsername, options.ClusterAdminPassword, options.ClusterAdminApiKey, cancellationToken))
                {
                    await Console.Error.WriteLineAsync("sensu-backend is already initialized");
                    return AlreadyInitializedExitCode;
                }
            }
            catch (Exception ex) when (ex is Sensu.Store.StoreException or Sensu.Core.Validation.ResourceValidationException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}");
                return 1;
            }
            await initializer.OnStartAsync(cancellationToken);
        }
        await Console.Out.WriteLineAsync("sensu-backend initialized");
        return 0;
    }
}
