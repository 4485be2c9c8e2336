using Sensu.Backend.Hosting;

return await BackendCli.Build().Parse(args).InvokeAsync();
