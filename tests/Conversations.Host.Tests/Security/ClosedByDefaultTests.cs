using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Security;

/// <summary>Production with no operator credential: operator routes refuse everyone, ingestion works, and Development switches are refused.</summary>
public sealed class ClosedByDefaultTests
{
    [Fact]
    public async Task WithoutAnyOperatorCredential_OperatorRoutesRefuseEveryone_AndWebhooksStillIngest()
    {
        await using var host = new EmbeddedHost(ProductionHost.Settings());
        var email = NewEmail();

        var delivery = await host.Client.PostAsync($"/webhooks/salesforge/{ProductionHost.SalesforgeToken}", Fixture("salesforge/01-email_sent.json", email));
        var lead = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/leads/email:{email}").WithKey(OperatorKeys.Admin));
        var dashboard = await host.Client.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.OK, delivery.StatusCode);
        var problem = await lead.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("No operator credential is configured", problem.Str("detail"));
        await dashboard.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Production", "No operator credential is configured (Conversations:Access:ApiKeys, Conversations:Access:Jwt): the query API, admin API, dashboard and OpenAPI document refuse everyone")]
    [InlineData("Development", "UNAUTHENTICATED: the query API, admin API, dashboard and OpenAPI document are open to anyone (Conversations:Access:AllowAnonymous=true)")]
    public async Task Startup_SaysWhetherOperatorRoutesAreClosedOrOpen(string environment, string expected)
    {
        var logs = new CapturingLoggerProvider();
        var settings = environment == "Production" ? ProductionHost.Settings() : new Dictionary<string, string?>();
        await using var baseFactory = ConversationsHostFactory.Embedded(Directory.CreateTempSubdirectory("conversations-report-").FullName, settings);
        await using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        using var client = factory.CreateClient();

        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Text.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetiredWebhookRateLimitSetting_IsNamedInAWarning_AndStartsNothingElse()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?> { ["Conversations:RateLimiting:Webhooks:PermitsPerPeriod"] = "500" };
        await using var baseFactory = ConversationsHostFactory.Embedded(Directory.CreateTempSubdirectory("conversations-retired-").FullName, settings);
        await using var factory = baseFactory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning
            && entry.Text.Contains("Conversations:RateLimiting:Webhooks is set but no longer read", StringComparison.Ordinal)
            && entry.Text.Contains("Conversations:Ingestion:Admission", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Conversations:Providers:Salesforge:AllowUnauthenticated")]
    [InlineData("Conversations:Providers:Seleqt:AllowUnauthenticated")]
    [InlineData("Conversations:Providers:Chat:AllowUnauthenticated")]
    [InlineData("Conversations:Access:AllowAnonymous")]
    public async Task DevelopmentOnlySwitch_OutsideDevelopment_StopsTheStartNamingIt(string key)
    {
        var settings = ProductionHost.Settings(new Dictionary<string, string?> { [key] = "true" });
        await using var host = ConversationsHostFactory.Embedded(Directory.CreateTempSubdirectory("conversations-switch-").FullName, settings);

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException() as OptionsValidationException ?? failure);
        Assert.Contains(validation.Failures, f => f.Contains($"{key}=true is for development only", StringComparison.Ordinal));
    }
}
