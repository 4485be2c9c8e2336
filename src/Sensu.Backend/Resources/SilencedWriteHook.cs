using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Resources;

/// <summary>
/// A silence's name is always <c>subscription:check</c> (the server overwrites it, <c>*</c> for a missing part);
/// <c>begin</c> defaults to now, <c>expire_at</c> follows from <c>begin + expire</c>, and the creator is the
/// user who wrote it unless given.
/// </summary>
public sealed class SilencedWriteHook(TimeProvider time) : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(Silenced);

    public ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken)
    {
        if (resource is Silenced silence)
        {
            silence.ApplyComputedName();
            if (silence.Begin == 0)
                silence.Begin = time.GetUtcNow().ToUnixTimeSeconds();
            silence.ExpireAt = silence.Expire > 0 ? silence.Begin + silence.Expire : 0;
            if (string.IsNullOrEmpty(silence.Creator))
                silence.Creator = silence.Metadata.CreatedBy;
        }
        return ValueTask.CompletedTask;
    }
}
