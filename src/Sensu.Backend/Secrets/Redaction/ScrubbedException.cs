namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// Stands in for an exception on its way to a log: its message and its full text (type, message, inner
/// exceptions, stack) are those of the original, scrubbed of registered secret values.
/// </summary>
public sealed class ScrubbedException : Exception
{
    private readonly string _text;

    private ScrubbedException(string message, string text, string originalType)
        : base(message)
    {
        _text = text;
        OriginalType = originalType;
    }

    public ScrubbedException() : this(string.Empty, string.Empty, string.Empty) { }

    public ScrubbedException(string message) : this(message, message, string.Empty) { }

    public ScrubbedException(string message, Exception inner) : base(message, inner)
    {
        _text = message;
        OriginalType = string.Empty;
    }

    /// <summary>Full name of the exception type this one replaces.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => null;

    public override string ToString() => _text;

    /// <summary>Null for null; otherwise a scrubbed stand-in (the original when nothing had to be removed).</summary>
    public static Exception? From(Exception? exception, SecretScrubber scrubber)
    {
        if (exception is null or ScrubbedException)
            return exception;
        var text = exception.ToString();
        var scrubbedText = scrubber.Scrub(text);
        var message = exception.Message;
        var scrubbedMessage = scrubber.Scrub(message);
        if (ReferenceEquals(text, scrubbedText) && ReferenceEquals(message, scrubbedMessage))
            return exception;
        return new ScrubbedException(scrubbedMessage, scrubbedText, exception.GetType().FullName ?? string.Empty);
    }
}
