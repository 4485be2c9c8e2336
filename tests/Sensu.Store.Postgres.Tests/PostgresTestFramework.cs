using Sensu.Testing.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Sensu.Store.Postgres.Tests.PostgresTestFramework", "Sensu.Store.Postgres.Tests")]

namespace Sensu.Store.Postgres.Tests;

/// <summary>
/// Every test of this assembly needs a PostgreSQL server, and most are inherited from the conformance suites (whose
/// [Fact]s cannot be given a skip reason one by one). Where PostgreSQL's binaries are missing and CI is not 'true',
/// discovery reports each test as skipped with the reason instead of letting it fail; in CI they always run.
/// </summary>
public sealed class PostgresTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assembly, ISourceInformationProvider source, IMessageSink diagnostics)
        : XunitTestFrameworkDiscoverer(assembly, source, diagnostics)
    {
        private static readonly string Reason = PostgresBinaries.MissingMessage + " (skipped because CI is not 'true')";

        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (PostgresBinaries.Available)
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
                return true;
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, Reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
