using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets.ExtensionPoint;

/// <summary>Reads a secret from <c>directory/id</c>; a missing file is <see cref="SecretErrorKind.SecretNotFound"/>.</summary>
public sealed class FileSecretProvider(string name, string directory) : ISecretProvider
{
    public string Name { get; } = name;

    public async Task<SecretLookup> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id) || id.Contains('/', StringComparison.Ordinal) || id is "." or "..")
            throw new SecretLookupException(SecretErrorKind.InvalidSecretInfo, $"{Name}: invalid secret info: \"{id}\" is not a file name");
        var path = Path.Combine(directory, id);
        if (!File.Exists(path))
            throw new SecretLookupException(SecretErrorKind.SecretNotFound, $"{Name}: secret not found: no file \"{id}\"");
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return new SecretLookup(new SecretValue(text.TrimEnd('\n')), null);
    }
}
