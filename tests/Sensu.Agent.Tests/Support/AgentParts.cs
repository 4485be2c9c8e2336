using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Agent.Checks;
using Sensu.Agent.Configuration;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;
using Sensu.Core.Resources.Core;
using Sensu.Execution;

namespace Sensu.Agent.Tests.Support;

/// <summary>The agent's collaborators wired by hand for a test (real process runner, real queue).</summary>
internal sealed class AgentParts : IDisposable
{
    public AgentParts(Action<AgentOptions>? configure = null, AllowList? allowList = null, TimeProvider? time = null, Sensu.Execution.Assets.IRuntimeAssetInstaller? assets = null)
    {
        Options = AgentTestOptions.Create(configure);
        Time = time ?? TimeProvider.System;
        Entity = new AgentEntityProvider(AgentEntityBuilder.Build(Options, new EntitySystem { Hostname = "host-under-test", Os = "linux" }));
        Events = new AgentEventFactory(Entity, Options, Time);
        Runner = new ProcessRunner(new ProcessRunnerOptions(), Time);
        Executor = new CheckExecutor(Runner, assets, allowList, Events, Entity, Options, Time, NullLogger<CheckExecutor>.Instance);
    }

    public AgentOptions Options { get; }
    public TimeProvider Time { get; }
    public AgentEntityProvider Entity { get; }
    public AgentEventFactory Events { get; }
    public ProcessRunner Runner { get; }
    public CheckExecutor Executor { get; }
    public EventQueue Queue { get; } = new();
    public ConnectionState State { get; } = new();

    public void Dispose() => Runner.Dispose();
}
