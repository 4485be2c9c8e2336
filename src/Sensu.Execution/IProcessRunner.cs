namespace Sensu.Execution;

/// <summary>Runs commands for checks, hooks, mutators and handlers.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the command and returns when it exited and its output was read, or when its timeout killed it.
    /// Cancellation kills the command's process group and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken);
}
