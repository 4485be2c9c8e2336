namespace Sensu.Backend.Pipeline;

/// <summary>
/// A filter, mutator or handler could not do its work for one event. The message is precise and complete (it names
/// the resource and the cause); the workflow runner logs it and stops that workflow only.
/// </summary>
public sealed class PipelineStageException : Exception
{
    public PipelineStageException(string message) : base(message) { }

    public PipelineStageException(string message, Exception inner) : base(message, inner) { }

    public PipelineStageException() { }
}
