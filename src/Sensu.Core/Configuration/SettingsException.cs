namespace Sensu.Core.Configuration;

/// <summary>
/// A setting that cannot be read or is invalid (bad value, unreadable config file, a flag refused); the message names
/// the setting and is shown to the operator as one line, without a stack trace.
/// </summary>
public class SettingsException : Exception
{
    public SettingsException(string message) : base(message) { }

    public SettingsException(string message, Exception inner) : base(message, inner) { }

    public SettingsException() { }
}
