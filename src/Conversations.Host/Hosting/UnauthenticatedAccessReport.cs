using Conversations.Host.Replay;
using Conversations.Ingestion;
using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>Says loudly, at startup, which doors are open without a credential (meant for development only).</summary>
internal sealed partial class UnauthenticatedAccessReport(
    WebhookProviders providers,
    IOptionsMonitor<ProviderOptions> providerOptions,
    IOptions<AdminOptions> admin,
    ILogger<UnauthenticatedAccessReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in providers.Names.Order())
        {
            var options = providerOptions.Get(name);
            if (options is { Enabled: true, AllowUnauthenticated: true } && string.IsNullOrEmpty(options.Token))
                LogOpenProvider(logger, name, ProviderOptions.SectionFor(name));
        }
        if (admin.Value.AllowUnauthenticated && string.IsNullOrEmpty(admin.Value.ApiKey))
            LogOpenAdmin(logger, AdminOptions.SectionName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "UNAUTHENTICATED: {Provider} webhooks are accepted from anyone ({Section}:AllowUnauthenticated=true). For development only: set {Section}:Token in production")]
    private static partial void LogOpenProvider(ILogger logger, string provider, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UNAUTHENTICATED: admin endpoints are open to anyone ({Section}:AllowUnauthenticated=true). For development only: set {Section}:ApiKey in production")]
    private static partial void LogOpenAdmin(ILogger logger, string section);
}
