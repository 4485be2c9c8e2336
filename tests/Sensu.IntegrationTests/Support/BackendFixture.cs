using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Support;

/// <summary>xunit class fixture: one <see cref="BackendProcess"/> shared by the tests of a class.</summary>
public sealed class BackendFixture : IAsyncLifetime
{
    private BackendProcess? _backend;
    private Exception? _startFailure;

    /// <summary>The running backend; rethrows the start failure inside the test that asks, so it is reported there.</summary>
    public BackendProcess Backend =>
        _backend ?? throw new InvalidOperationException("sensu-backend did not start: " + _startFailure?.Message, _startFailure);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            _backend = await BackendProcess.StartAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or FileNotFoundException or OperationCanceledException)
        {
            _startFailure = e;
        }
    }

    public async Task DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
