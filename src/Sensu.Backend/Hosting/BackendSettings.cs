using System.ComponentModel.DataAnnotations;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Reads <see cref="BackendOptions"/> with Sensu's precedence (<see cref="SettingsBinder"/>): a flag given on the
/// command line, then its <c>SENSU_BACKEND_*</c> variable, then the same key in <c>backend.yml</c>, then the default;
/// then checks every daemon's options as they will be bound (<see cref="BackendOptionsBinding"/>).
/// </summary>
public static class BackendSettings
{
    public static BackendOptions Load(
        IReadOnlyDictionary<string, string> flags,
        Func<string, string?> environment) =>
        SettingsBinder.Bind(BackendFlags.Table, flags, environment);

    /// <summary>
    /// The rules of the options each daemon validates at start, run at once, so that a bad setting is one line and
    /// exit code 2 before anything starts.
    /// </summary>
    public static void Validate(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        foreach (var bound in BackendOptionsBinding.All(options).Prepend(options))
            Validator.TryValidateObject(bound, new ValidationContext(bound), results, validateAllProperties: true);
        if (results.Count > 0)
            throw new SettingsException(string.Join("; ", results.Select(r => r.ErrorMessage)));
    }
}
