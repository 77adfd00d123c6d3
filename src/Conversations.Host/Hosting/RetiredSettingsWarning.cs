namespace Conversations.Host.Hosting;

/// <summary>
/// Warns at startup about settings this release no longer reads, so that an operator who tuned one learns that it
/// does nothing now, and what took its place.
/// </summary>
internal sealed partial class RetiredSettingsWarning(IConfiguration configuration, ILogger<RetiredSettingsWarning> logger) : IHostedService
{
    private static readonly IReadOnlyDictionary<string, string> Retired = new Dictionary<string, string>
    {
        ["Conversations:RateLimiting:Webhooks"] =
            "authentic deliveries are no longer rate-limited: they wait for a storing slot (Conversations:Ingestion:Admission), " +
            "and failed authentication is limited per address (Conversations:RateLimiting:FailedAuthentication)",
    };

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (section, replacement) in Retired)
        {
            if (configuration.GetSection(section).Exists()) LogRetired(logger, section, replacement);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section} is set but no longer read: {Replacement}. Remove it")]
    private static partial void LogRetired(ILogger logger, string section, string replacement);
}
