namespace Sensu.Core.Tests.Configuration;

/// <summary>A small program's options, to exercise the binder apart from the backend's and the agent's.</summary>
public sealed class SampleOptions
{
    public string Name { get; set; } = "default-name";

    public int Port { get; set; } = 3000;

    public bool Verbose { get; set; }

    public List<string> Urls { get; } = ["ws://default"];

    public Dictionary<string, string> Labels { get; } = [];

    public TimeSpan Retry { get; set; } = TimeSpan.FromSeconds(1);

    public string Mode { get; set; } = "full";

    public int Dashboard { get; set; } = 3000;
}
