using System.Text;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>The built-in <c>only_check_output</c> mutator: the check's output bytes; an event without a check is an error.</summary>
public sealed class OnlyCheckOutputMutator : IEventMutatorStage
{
    public const string Name = "only_check_output";

    public bool CanMutate(ResourceReference? reference) =>
        reference is not null && reference.IsA(ResourceReference.CoreV2, ResourceMutatorStage.ResourceType) && reference.Name == Name;

    public bool EmitsStoredJson(Event ev) => false;

    public ValueTask<byte[]> MutateAsync(ResourceReference? reference, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (ev.Check is null)
            throw new PipelineStageException("mutator only_check_output: the event has no check");
        return ValueTask.FromResult(Encoding.UTF8.GetBytes(ev.Check.Output ?? ""));
    }
}
