namespace Sensu.Core.Validation;

/// <summary>A resource broke one of Sensu's validation rules; the message is what the API answers with (400).</summary>
public sealed class ResourceValidationException : Exception
{
    public ResourceValidationException(string message) : base(message) { }

    public ResourceValidationException(string message, Exception inner) : base(message, inner) { }

    public ResourceValidationException() { }
}
