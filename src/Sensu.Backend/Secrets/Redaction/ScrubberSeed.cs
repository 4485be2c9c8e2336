namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// The values a <see cref="SecretScrubber"/> is built with (see <see cref="StartupScrubValues"/>): registered by
/// <see cref="SecretsResolutionServiceCollectionExtensions.AddSecrets"/>, taken by the scrubber's constructor, so the
/// scrubber knows them before anything logs, whichever daemon registered the scrubber first.
/// </summary>
public sealed class ScrubberSeed
{
    private ScrubberSeed(IReadOnlyList<string> values) => Values = values;

    public static ScrubberSeed Empty { get; } = new([]);

    public IReadOnlyList<string> Values { get; }

    /// <summary>The credentials of <paramref name="options"/> (when given) and the environment values worth scrubbing.</summary>
    public static ScrubberSeed From(SecretsOptions? options, IEnumerable<KeyValuePair<string, string>> variables) =>
        new([.. (options is null ? [] : StartupScrubValues.Credentials(options)), .. StartupScrubValues.EnvironmentValues(variables, options?.SettingVariables ?? new HashSet<string>())]);

    public override string ToString() => $"ScrubberSeed({Values.Count} values)";
}
