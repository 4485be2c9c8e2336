using Sensu.Core.Configuration;
using Sensu.Agent.Hosting;

return await StartupFailure.InvokeAsync(AgentCli.Build().Parse(args), Console.Error);
