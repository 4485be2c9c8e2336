namespace Sensu.Execution.Assets;

/// <summary>An asset unpacked on disk: its name (for <c>&lt;NAME&gt;_PATH</c>), its sha512 and its directory.</summary>
public sealed record InstalledAsset(string Name, string Sha512, string Path);
