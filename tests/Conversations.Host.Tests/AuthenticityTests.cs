using System.Net;
using Conversations.Host.Webhooks;
using Conversations.Storage.Archive;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>Refused deliveries get 401 and touch nothing: no grain, no timeline, no archive.</summary>
public sealed class AuthenticityTests : IAsyncLifetime
{
    private const string Token = "salesforge-token-0123456789";
    private readonly EmbeddedHost _host = new(new Dictionary<string, string?>
        {
            ["Conversations:Providers:Salesforge:Enabled"] = "true",
            ["Conversations:Providers:Salesforge:AllowUnauthenticated"] = "false",
            ["Conversations:Providers:Salesforge:Token"] = Token,
            ["Conversations:Providers:Seleqt:Enabled"] = "false",
            ["Conversations:Providers:Seleqt:AllowUnauthenticated"] = "false",
        });

    private HttpClient Client => _host.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/webhooks/salesforge")]
    [InlineData("/webhooks/salesforge/wrong-token-0123456789")]
    [InlineData("/webhooks/salesforge?token=wrong-token-0123456789")]
    [InlineData("/webhooks/salesforge/salesforge-token-012345678")]
    public async Task Post_WithoutTheRightToken_Returns401AndStoresNothing(string url)
    {
        var email = NewEmail();
        var response = await Client.PostAsync(url, Fixture("salesforge/01-email_sent.json", email));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(Token, problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/leads/email:{email}")).StatusCode);
        Assert.Empty(await ArchivedAsync());
    }

    [Theory]
    [InlineData($"/webhooks/salesforge/{Token}")]
    [InlineData($"/webhooks/salesforge?token={Token}")]
    public async Task Post_WithTheTokenInPathOrQuery_IsAccepted(string url)
    {
        var email = NewEmail();
        var response = await Client.PostAsync(url, Fixture("salesforge/01-email_sent.json", email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/leads/email:{email}")).StatusCode);
    }

    [Fact]
    public async Task Post_WithTheTokenInTheHeader_IsAccepted_AndTheHeaderIsNotArchived()
    {
        var email = NewEmail();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/salesforge") { Content = Fixture("salesforge/01-email_sent.json", email) };
        request.Headers.Add(WebhookTokens.Header, Token);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/leads/email:{email}")).StatusCode);
        var archived = Assert.Single(await ArchivedAsync());
        Assert.DoesNotContain(archived.Delivery.Headers, h => h.Value.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WithAWrongTokenInTheHeader_Returns401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/salesforge") { Content = Fixture("salesforge/01-email_sent.json", NewEmail()) };
        request.Headers.Add(WebhookTokens.Header, "wrong-token-0123456789");

        var problem = await (await Client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        Assert.DoesNotContain(Token, problem.ToString());
        Assert.Empty(await ArchivedAsync());
    }

    [Fact]
    public async Task Post_ToADisabledProvider_Returns401()
    {
        var response = await Client.PostAsync("/webhooks/seleqt", Fixture("seleqt/01-incoming_message.json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Conversations:Providers:Seleqt:Enabled", problem.Str("detail"));
    }

    [Fact]
    public async Task OpenApi_NamesNoSecret()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain(Token, document);
    }

    private async Task<IReadOnlyList<ArchivedDelivery>> ArchivedAsync() =>
        await _host.Services.GetRequiredService<IDeliveryArchive>().ReadAsync(new DeliveryFilter(null, null, null), 0, 100);
}
