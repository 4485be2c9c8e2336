using Microsoft.Extensions.Options;
using Sensu.Core.Configuration;
using Sensu.Core.Validation;
using Sensu.Store;

namespace Sensu.Backend.Hosting;

/// <summary>The backend's own expected start-up failures, besides those every program has (<see cref="StartupFailure"/>).</summary>
public static class BackendStartupFailures
{
    /// <summary>
    /// Options a daemon refused at start exit as settings do (2); the store refusing to open or seed, or a
    /// certificate that cannot be read, exit 1. Null for anything else.
    /// </summary>
    public static int? ExitCode(Exception exception) => exception switch
    {
        OptionsValidationException => StartupFailure.SettingsExitCode,
        StoreException or ResourceValidationException => StartupFailure.StartExitCode,
        System.Security.Cryptography.CryptographicException => StartupFailure.StartExitCode,
        _ => null,
    };
}
