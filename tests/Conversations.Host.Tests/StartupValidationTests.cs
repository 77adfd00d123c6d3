using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests;

/// <summary>A misconfigured service does not start: the failure names the setting, never its value.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Conversations:Providers:Generic:Enabled", "true", "Conversations:Providers:Generic:SigningSecret")]
    [InlineData("Conversations:Providers:SalesIq:Enabled", "true", "Conversations:Providers:SalesIq:PublicKeyPem")]
    [InlineData("Conversations:Providers:Breakcold:Enabled", "true", "Conversations:Providers:Breakcold:Secret")]
    [InlineData("Conversations:Providers:Salesforge:AllowUnauthenticated", "false", "Conversations:Providers:Salesforge:Token")]
    [InlineData("Conversations:Providers:Seleqt:Token", "short-token", "Conversations:Providers:Seleqt:Token")]
    [InlineData("Conversations:Admin:ApiKey", "an-old-style-admin-key", "Conversations:Access:ApiKeys")]
    [InlineData("Conversations:Access:ApiKeys:0:Sha256", "not-a-hash", "Conversations:Access:ApiKeys:0:Sha256")]
    [InlineData("Conversations:Access:Jwt:Audience", "conversations", "Conversations:Access:Jwt:Authority")]
    [InlineData("Conversations:Management:Urls", "http://127.0.0.1", "Conversations:Management:Urls")]
    [InlineData("Conversations:Ingestion:MaxBodyBytes", "10", "Conversations:Ingestion:MaxBodyBytes")]
    [InlineData("Conversations:Archive:RetentionDays", "-1", "Conversations:Archive:RetentionDays")]
    [InlineData("Conversations:Ingestion:BodyReadTimeoutSeconds", "0", "Conversations:Ingestion:BodyReadTimeoutSeconds")]
    [InlineData("Conversations:Http:MaxConcurrentConnections", "0", "Conversations:Http:MaxConcurrentConnections")]
    [InlineData("Conversations:Http:RequestHeadersTimeoutSeconds", "0", "Conversations:Http:RequestHeadersTimeoutSeconds")]
    [InlineData("Conversations:Http:KeepAliveTimeoutSeconds", "0", "Conversations:Http:KeepAliveTimeoutSeconds")]
    [InlineData("Conversations:Http:MinRequestBodyBytesPerSecond", "0", "Conversations:Http:MinRequestBodyBytesPerSecond")]
    [InlineData("Conversations:Http:MinRequestBodyGraceSeconds", "1", "Conversations:Http:MinRequestBodyGraceSeconds")]
    [InlineData("Conversations:RateLimiting:FailedAuthentication:Burst", "0", "Conversations:RateLimiting:FailedAuthentication:Burst")]
    [InlineData("Conversations:RateLimiting:FailedAuthentication:PermitsPerPeriod", "0", "Conversations:RateLimiting:FailedAuthentication:PermitsPerPeriod")]
    [InlineData("Conversations:Ingestion:Admission:MaxConcurrentDeliveries", "0", "Conversations:Ingestion:Admission:MaxConcurrentDeliveries")]
    [InlineData("Conversations:Ingestion:Admission:QueueLimit", "-1", "Conversations:Ingestion:Admission:QueueLimit")]
    [InlineData("Conversations:Ingestion:Admission:MaxQueueWaitSeconds", "0", "Conversations:Ingestion:Admission:MaxQueueWaitSeconds")]
    [InlineData("Conversations:Ingestion:UnverifiedBodies:MaxBytesPerAddress", "1000", "Conversations:Ingestion:UnverifiedBodies:MaxBytesPerAddress")]
    [InlineData("Conversations:Ingestion:UnverifiedBodies:MaxBytes", "1048575", "Conversations:Ingestion:UnverifiedBodies:MaxBytes")]
    [InlineData("Conversations:RateLimiting:Operators:PeriodSeconds", "0", "Conversations:RateLimiting:Operators:PeriodSeconds")]
    [InlineData("Conversations:Signals:HotLeadWindow", "00:00:00", "Conversations:Signals:HotLeadWindow")]
    [InlineData("Conversations:Signals:CrossChannelChannels", "1", "Conversations:Signals:CrossChannelChannels")]
    [InlineData("Conversations:Signals:CampaignBounceRate", "5", "Conversations:Signals:CampaignBounceRate")]
    [InlineData("Conversations:Signals:CampaignRecheckInterval", "00:00:00.1", "Conversations:Signals:CampaignRecheckInterval")]
    public void Start_WhenASettingIsMissingOrInvalid_FailsNamingIt(string key, string value, string named)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-startup-").FullName;
        try
        {
            using var host = ConversationsHostFactory.Embedded(dataDirectory, new Dictionary<string, string?> { [key] = value });

            var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

            var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException() as OptionsValidationException ?? failure);
            Assert.Contains(named, string.Join(" ", validation.Failures));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
