using Sensu.Core.Configuration;
using Sensu.Backend.Hosting;

return await StartupFailure.InvokeAsync(BackendCli.Build().Parse(args), Console.Error);
