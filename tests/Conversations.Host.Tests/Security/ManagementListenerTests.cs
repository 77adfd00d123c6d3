using System.Net;
using Conversations.Testing;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Security;

/// <summary>With a management listener, operator routes answer only there; webhooks and health answer on both.</summary>
public sealed class ManagementListenerTests
{
    [Fact]
    public async Task OperatorRoutes_AnswerOnlyOnTheManagementListener()
    {
        var ports = FreePorts.GetFreeTcpPorts(2);
        var settings = ProductionHost.Settings(OperatorKeys.Settings());
        settings["Urls"] = $"http://127.0.0.1:{ports[0]}";
        settings["Conversations:Management:Urls"] = $"http://127.0.0.1:{ports[1]}";
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-management-").FullName;
        try
        {
            await using var factory = ConversationsHostFactory.Embedded(dataDirectory, settings);
            factory.UseKestrel();
            factory.StartServer();
            using var webhooks = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}"), Timeout = TimeSpan.FromSeconds(30) };
            using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[1]}"), Timeout = TimeSpan.FromSeconds(30) };
            var email = NewEmail();

            var delivery = await webhooks.PostAsync($"/webhooks/salesforge/{ProductionHost.SalesforgeToken}", Fixture("salesforge/01-email_sent.json", email));
            Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await webhooks.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/ready")).StatusCode);

            foreach (var path in new[] { $"/api/leads/email:{email}", "/dashboard/", "/openapi/v1.json" })
            {
                await (await webhooks.SendAsync(Get(path).WithKey(OperatorKeys.Admin))).AssertProblemAsync(HttpStatusCode.NotFound);
                await (await webhooks.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
                Assert.Equal(HttpStatusCode.OK, (await management.SendAsync(Get(path).WithKey(OperatorKeys.Admin))).StatusCode);
                await (await management.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Unauthorized);
            }
            await (await webhooks.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/admin/replay") { Content = Json("{}") }.WithKey(OperatorKeys.Admin)))
                .AssertProblemAsync(HttpStatusCode.NotFound);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}
