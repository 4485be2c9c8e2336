namespace Sensu.Backend.Hosting;

/// <summary>A setting could not be read (bad value, unreadable config file); the message names it.</summary>
public sealed class BackendSettingsException : Exception
{
    public BackendSettingsException(string message) : base(message) { }

    public BackendSettingsException(string message, Exception inner) : base(message, inner) { }

    public BackendSettingsException() { }
}
