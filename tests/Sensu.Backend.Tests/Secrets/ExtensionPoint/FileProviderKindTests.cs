using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Env;
using Sensu.Core.Meta;

namespace Sensu.Backend.Tests.Secrets.ExtensionPoint;

/// <summary>
/// Issue 18: a new secrets provider kind is its own folder plus one registration line; nothing in Secrets/ changes.
/// </summary>
public sealed class FileProviderKindTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-file-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SecretProviderBuilder Builder()
    {
        var services = new ServiceCollection();
        services.AddEnvSecretProvider();
        services.AddSingleton<ISecretProviderFactory, FileSecretProviderFactory>(); // the registration line
        using var provider = services.BuildServiceProvider();
        return new SecretProviderBuilder(provider.GetServices<ISecretProviderFactory>());
    }

    private FileProvider Resource(string name, string? directory = null) =>
        new() { Metadata = new ObjectMeta { Name = name }, Directory = directory ?? _dir };

    [Fact]
    public async Task A_registered_kind_is_built_and_serves_its_secrets()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "pagerduty"), "file-canary-7c1d\n");
        var provider = Builder().Build(Resource("files"));

        var lookup = await provider.GetAsync("pagerduty", CancellationToken.None);

        Assert.IsType<FileSecretProvider>(provider);
        Assert.Equal("file-canary-7c1d", lookup.Value.Reveal());
        var missing = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync("slack", CancellationToken.None));
        Assert.Equal(SecretErrorKind.SecretNotFound, missing.Kind);
    }

    [Fact]
    public async Task A_kind_that_cannot_be_built_is_broken_with_its_cause()
    {
        var provider = Builder().Build(Resource("files", Path.Combine(_dir, "absent")));

        var error = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync("pagerduty", CancellationToken.None));
        Assert.IsType<BrokenSecretProvider>(provider);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_registration_the_kind_is_named_as_unavailable()
    {
        var provider = new SecretProviderBuilder([new EnvSecretProviderFactory()]).Build(Resource("files"));

        var error = await Assert.ThrowsAsync<SecretLookupException>(() => provider.GetAsync("pagerduty", CancellationToken.None));
        Assert.Contains(SecretProviderBuilder.NoFactory(nameof(FileProvider)), error.Message, StringComparison.Ordinal);
    }
}
