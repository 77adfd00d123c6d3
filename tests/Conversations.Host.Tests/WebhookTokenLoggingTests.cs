using System.Net;
using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>
/// With every log category at Trace, deliveries with the token in the path, the query or the header, right or
/// wrong, accepted or refused, leave no token (in any encoding) in anything logged: messages, state values, scopes.
/// </summary>
public sealed class WebhookTokenLoggingTests
{
    // Characters a URL must encode, so the test also covers the encoded and the decoded spelling.
    private const string SalesforgeToken = "sf tok+en&=%~!-0123456789";
    private const string SeleqtToken = "seleqt-token-0123456789abc";
    private const string ChatToken = "chat-token-0123456789xyz";
    private const string WrongToken = "wrong-token-0123456789zz";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Conversations:Providers:Salesforge:AllowUnauthenticated"] = "false",
        ["Conversations:Providers:Salesforge:Token"] = SalesforgeToken,
        ["Conversations:Providers:Seleqt:AllowUnauthenticated"] = "false",
        ["Conversations:Providers:Seleqt:Token"] = SeleqtToken,
        ["Conversations:Providers:Chat:AllowUnauthenticated"] = "false",
        ["Conversations:Providers:Chat:Token"] = ChatToken,
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
        ["Logging:LogLevel:Orleans"] = "Trace",
        ["Logging:LogLevel:Orleans.Hosting"] = "Trace",
        ["Logging:LogLevel:Polly"] = "Trace",
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deliveries_WithTheTokenInPathQueryOrHeader_LeaveNoTokenInTheLog_AtTrace(bool kestrel)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-token-log-").FullName;
        var logs = new CapturingLoggerProvider();
        try
        {
            // Kestrel on a free loopback port, not the configured default one.
            var settings = kestrel ? new Dictionary<string, string?>(Settings) { ["Urls"] = "http://127.0.0.1:0" } : Settings;
            await using (var baseFactory = ConversationsHostFactory.Embedded(dataDirectory, settings))
            await using (var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
                             .ClearProviders()
                             .AddProvider(logs)
                             .AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Trace))))
            {
                if (kestrel) factory.UseKestrel();
                using var client = factory.CreateClient();
                await PostEveryKindOfDeliveryAsync(client);
            }

            var logged = string.Join('\n', logs.Entries.Select(e => e.Text));
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace && e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
            Assert.Equal(kestrel, logs.Entries.Any(e => e.Category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal)));
            Assert.Contains("Request starting HTTP/1.1 POST http://", logged, StringComparison.Ordinal);
            Assert.Equal(kestrel, logged.Contains("http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains("/webhooks/salesforge", logged, StringComparison.Ordinal);
            Assert.Contains("RequestPath=/webhooks/seleqt", logged, StringComparison.Ordinal);
            foreach (var secret in new[] { SalesforgeToken, SeleqtToken, ChatToken, WrongToken })
            {
                foreach (var spelling in Spellings(secret))
                {
                    var leak = logs.Entries.FirstOrDefault(e => e.Text.Contains(spelling, StringComparison.Ordinal));
                    Assert.True(leak is null, $"'{spelling}' was logged: {leak?.Text}");
                }
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task PostEveryKindOfDeliveryAsync(HttpClient client)
    {
        var salesforge = Uri.EscapeDataString(SalesforgeToken);
        await AssertStatusAsync(client, HttpStatusCode.OK, $"/webhooks/salesforge/{salesforge}", Fixture("salesforge/01-email_sent.json", NewEmail()));
        await AssertStatusAsync(client, HttpStatusCode.OK, $"/webhooks/salesforge?token={salesforge}", Fixture("salesforge/01-email_sent.json", NewEmail()));
        await AssertStatusAsync(client, HttpStatusCode.OK, "/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", NewEmail()), SalesforgeToken);
        await AssertStatusAsync(client, HttpStatusCode.OK, $"/webhooks/seleqt/{SeleqtToken}/", Fixture("seleqt/01-incoming_message.json"));
        await AssertStatusAsync(client, HttpStatusCode.OK, $"/webhooks/chat?source=inbox&token={ChatToken}", Fixture("chat/01-newMessage-whatsapp.json"));

        await AssertStatusAsync(client, HttpStatusCode.Unauthorized, $"/webhooks/salesforge/{WrongToken}", Fixture("salesforge/01-email_sent.json"));
        await AssertStatusAsync(client, HttpStatusCode.Unauthorized, $"/webhooks/seleqt?token={WrongToken}", Fixture("seleqt/01-incoming_message.json"));
        await AssertStatusAsync(client, HttpStatusCode.Unauthorized, "/webhooks/chat", Fixture("chat/01-newMessage-whatsapp.json"), WrongToken);
        await AssertStatusAsync(client, HttpStatusCode.Unauthorized, $"/webhooks/salesforge/{salesforge}/more", Fixture("salesforge/01-email_sent.json"));
        await AssertStatusAsync(client, HttpStatusCode.BadRequest, $"/webhooks/salesforge/{salesforge}", Json("{ broken"));
        await AssertStatusAsync(client, HttpStatusCode.UnprocessableEntity, $"/webhooks/salesforge?token={salesforge}", Json("""{"webhookInfo":{}}"""));
        await AssertStatusAsync(client, HttpStatusCode.UnsupportedMediaType, $"/webhooks/seleqt/{SeleqtToken}", Json("{}", "text/plain"));
        await AssertStatusAsync(client, HttpStatusCode.NotFound, $"/webhooks/nobody/{ChatToken}", Json("{}"));
        await AssertStatusAsync(client, HttpStatusCode.NotFound, $"/webhooks?token={ChatToken}", Json("{}"));
        using var get = await client.GetAsync($"/webhooks/chat/{ChatToken}?token={WrongToken}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    private static async Task AssertStatusAsync(HttpClient client, HttpStatusCode expected, string url, HttpContent body, string? headerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        if (headerToken is not null) request.Headers.Add(WebhookTokens.Header, headerToken);
        using var response = await client.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static IEnumerable<string> Spellings(string token) =>
        new[] { token, Uri.EscapeDataString(token), WebUtility.UrlEncode(token) }.Distinct();
}
