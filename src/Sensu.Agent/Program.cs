using Sensu.Agent.Hosting;

return await AgentCli.Build().Parse(args).InvokeAsync();
