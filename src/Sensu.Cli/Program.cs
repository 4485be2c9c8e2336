using Sensu.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await Sensuctl.RunAsync(args, CliIo.System(), cancel.Token);
