using System.Diagnostics;
using System.Text;
using Npgsql;
using Sensu.Testing.Processes;

namespace Sensu.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server for tests: <c>initdb</c> into a temporary directory, <c>postgres</c> on a free port of
/// 127.0.0.1 (and a Unix socket in the same directory), as the <c>postgres</c> system user when the tests run as root
/// (the server refuses root). Host connections need the superuser's password (<see cref="Password"/>, random per
/// server). Extra settings (<c>wal_level=replica</c>...) are passed as <c>-c</c>; <see cref="DataDirectory"/>,
/// <see cref="Port"/> and <see cref="RunToolAsync"/> let a test build a standby (<c>pg_basebackup -R</c>).
/// Disposing stops the server (fast shutdown) and deletes the directory.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Superuser = "postgres";
    private const string RunAsUser = "postgres";

    private readonly StringBuilder _log = new();
    private Process? _process;
    private IReadOnlyDictionary<string, string>? _settings;

    private PostgresServer(string bin, string root, string? password = null)
    {
        BinDirectory = bin;
        Root = root;
        DataDirectory = Path.Combine(root, "data");
        Password = password ?? Convert.ToHexString(Guid.NewGuid().ToByteArray());
    }

    public string BinDirectory { get; }

    /// <summary>The temporary directory holding the data directory and the socket.</summary>
    public string Root { get; }

    public string DataDirectory { get; }

    public int Port { get; private set; }

    public string Password { get; }

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    /// <summary>The superuser's connection string to <paramref name="database"/> over TCP.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = Password,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Initializes and starts a server; throws with the server's output when it cannot start.</summary>
    public static async Task<PostgresServer> StartAsync(IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.Directory ?? throw new InvalidOperationException(PostgresBinaries.MissingMessage);
        var root = Path.Combine(Path.GetTempPath(), "sensu-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(bin, root);
        try
        {
            await server.InitAsync(cancellationToken);
            await server.LaunchAsync(settings, 0, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty UTF-8 database with a fresh name; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        // An identifier cannot be a parameter; the name is made of hex digits only. FILE_COPY (PostgreSQL 15+) copies
        // the template's files instead of WAL-logging every block: faster for a test's empty database.
        var strategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : string.Empty;
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'{strategy}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>
    /// A streaming-replication standby of <paramref name="primary"/>: <c>pg_basebackup -R</c> (its
    /// <c>primary_conninfo</c> names <paramref name="applicationName"/>, which the primary's
    /// <c>synchronous_standby_names</c> can list), started on a free port; read-only until <see cref="PromoteAsync"/>.
    /// </summary>
    public static async Task<PostgresServer> StartStandbyAsync(
        PostgresServer primary, string applicationName, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var root = Path.Combine(Path.GetTempPath(), "sensu-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var standby = new PostgresServer(primary.BinDirectory, root, primary.Password);
        try
        {
            if (AsRoot)
                await RunPlainAsync("chown", ["-R", $"{RunAsUser}:{RunAsUser}", root], cancellationToken);
            var source = $"host=127.0.0.1 port={primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} user={Superuser} password={primary.Password} application_name={applicationName}";
            await standby.RunToolAsync("pg_basebackup", ["-D", standby.DataDirectory, "-d", source, "-R", "-X", "stream", "--no-sync"], cancellationToken);
            await standby.LaunchAsync(settings, 0, cancellationToken);
            return standby;
        }
        catch
        {
            await standby.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended) and waits until it has exited; the data stays.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is not { HasExited: false } process)
            return;
        await SignalAsync(process.Id, "INT");
        await process.WaitForExitAsync(cancellationToken);
    }

    /// <summary>Starts the stopped server again on the same port and data directory.</summary>
    public Task RestartAsync(CancellationToken cancellationToken)
    {
        _process?.Dispose();
        _process = null;
        return LaunchAsync(_settings, Port, cancellationToken);
    }

    /// <summary>Promotes a standby to primary (<c>pg_ctl promote</c>, waiting until it accepts writes).</summary>
    public Task PromoteAsync(CancellationToken cancellationToken) =>
        RunToolAsync("pg_ctl", ["promote", "-w", "-D", DataDirectory], cancellationToken);

    /// <summary>Runs one of the server's programs (<c>pg_basebackup</c>, <c>pg_ctl</c>...) as the server's user; throws unless it exits 0.</summary>
    public Task<string> RunToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(BinDirectory, tool), arguments, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await SignalAsync(process.Id, "INT");
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task InitAsync(CancellationToken cancellationToken)
    {
        var pwfile = Path.Combine(Root, "pwfile");
        await File.WriteAllTextAsync(pwfile, Password + "\n", cancellationToken);
        if (AsRoot)
            await RunPlainAsync("chown", ["-R", $"{RunAsUser}:{RunAsUser}", Root], cancellationToken);
        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "--pwfile", pwfile, "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        File.Delete(pwfile);
        // Replication connections (pg_basebackup, a standby) from 127.0.0.1 with the password.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"),
            "\nhost replication all 127.0.0.1/32 scram-sha-256\n", cancellationToken);
    }

    private async Task LaunchAsync(IReadOnlyDictionary<string, string>? settings, int port, CancellationToken cancellationToken)
    {
        _settings = settings;
        Port = port != 0 ? port : FreePort.Next();
        var arguments = new List<string>
        {
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-h", "127.0.0.1", "-k", Root,
            "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=32MB",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            arguments.AddRange(["-c", $"{name}={value}"]);
        var process = new Process { StartInfo = StartInfo(Path.Combine(BinDirectory, "postgres"), arguments) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"postgres exited with {process.ExitCode} at start:\n{Log}");
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync(deadline.Token);
                return;
            }
            catch (NpgsqlException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(100, deadline.Token);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    private static bool AsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo
        {
            FileName = AsRoot ? "setpriv" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        if (AsRoot)
        {
            // setpriv execs the program (no process in between), so signals sent to the started process reach it.
            foreach (var a in (string[])[$"--reuid={RunAsUser}", $"--regid={RunAsUser}", "--init-groups", "--", program])
                info.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        return info;
    }

    private async Task<string> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(program, arguments) };
        return await CompleteAsync(process, cancellationToken);
    }

    private static async Task RunPlainAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        using var process = new Process { StartInfo = info };
        await CompleteAsync(process, cancellationToken);
    }

    private static async Task<string> CompleteAsync(Process process, CancellationToken cancellationToken)
    {
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} exited with {process.ExitCode}:\n{output}");
        return output;
    }

    private static Task SignalAsync(int pid, string signal) =>
        RunPlainAsync("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);
}
