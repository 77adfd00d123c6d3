using System.Net;
using Conversations.Grains.Leads;
using Conversations.Host.Tests.Security;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Observability;

/// <summary>The dashboard counts the grain calls made before anyone opened it (Orleans' own default counts none of them).</summary>
public sealed class DashboardCountingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task GrainCalls_MadeBeforeTheDashboardWasOpened_AreCounted()
    {
        await using var host = new EmbeddedHost(ProductionHost.Settings(OperatorKeys.Settings()));
        using var delivery = await host.Client.PostAsync($"/webhooks/salesforge/{ProductionHost.SalesforgeToken}", Fixture("salesforge/01-email_sent.json", NewEmail()));
        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        // The profiler hands its counts to the dashboard every second: the call above is counted by then or never.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var deadline = DateTime.UtcNow + Patience;
        string methods;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/dashboard/GrainStats/{typeof(LeadGrain).FullName}").WithKey(OperatorKeys.Reader);
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            methods = await response.Content.ReadAsStringAsync();
            if (methods.Contains("AppendAsync", StringComparison.Ordinal)) return;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"The dashboard counted no call of LeadGrain.AppendAsync: {methods}");
    }
}
