using System.Net;

namespace Sensu.Cli.Client;

/// <summary>The backend answered with an error status; <see cref="Exception.Message"/> is the server's message.</summary>
public sealed class ApiException : Exception
{
    public ApiException(HttpStatusCode statusCode, string message) : base(message) => StatusCode = statusCode;

    public ApiException() { }

    public ApiException(string message) : base(message) { }

    public ApiException(string message, Exception innerException) : base(message, innerException) { }

    public HttpStatusCode StatusCode { get; }
}
