using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>
/// How one <see cref="Mutator"/> type (<c>pipe</c>, <c>javascript</c>) runs. A new kind is one class and one
/// <c>AddSingleton&lt;IMutatorKind, ...&gt;</c> line; <see cref="ResourceMutatorStage"/> picks the kind by the
/// mutator's <c>type</c> (none → <c>pipe</c>).
/// </summary>
public interface IMutatorKind
{
    /// <summary>The mutator <c>type</c> this kind runs.</summary>
    string Type { get; }

    /// <summary>The handler's input. Failures throw <see cref="PipelineStageException"/>; the handler is then not run.</summary>
    ValueTask<byte[]> MutateAsync(Mutator mutator, Event ev, CancellationToken cancellationToken);
}
