using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Backend.Tests.Secrets.ExtensionPoint;

/// <summary>
/// A provider kind made for this test: secrets are files of one directory, the secret id is the file name. In the
/// product its resource type would also get its one line in Core's resource registry (docs/architecture.md).
/// </summary>
public sealed class FileProvider : IResource
{
    public ObjectMeta Metadata { get; set; } = new();

    public string Directory { get; set; } = string.Empty;

    public void Validate() => Validators.Name(Metadata.Name);
}
