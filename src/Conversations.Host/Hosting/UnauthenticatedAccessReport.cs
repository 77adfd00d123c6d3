using Conversations.Host.Access;
using Conversations.Ingestion;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>Says loudly, at startup, which doors are open without a credential, and which are closed to everyone.</summary>
internal sealed partial class UnauthenticatedAccessReport(
    WebhookProviders providers,
    IOptions<OperatorAccessOptions> access,
    ILogger<UnauthenticatedAccessReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var provider in providers.All.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (provider.Settings is { Enabled: true, AllowUnauthenticated: true } settings && string.IsNullOrEmpty(settings.Token))
                LogOpenProvider(logger, provider.Name, provider.Section);
        }
        var section = OperatorAccessOptions.SectionName;
        if (access.Value.IsOpen) LogOpenOperatorRoutes(logger, section);
        else if (!access.Value.HasCredentials) LogClosedOperatorRoutes(logger, section);
        else LogOperatorAccess(logger, access.Value.ApiKeys.Count, access.Value.Jwt.IsConfigured);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "UNAUTHENTICATED: {Provider} webhooks are accepted from anyone ({Section}:AllowUnauthenticated=true). For development only: set {Section}:Token in production")]
    private static partial void LogOpenProvider(ILogger logger, string provider, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "UNAUTHENTICATED: the query API, admin API, dashboard and OpenAPI document are open to anyone ({Section}:AllowAnonymous=true). For development only: configure {Section}:ApiKeys or {Section}:Jwt in production")]
    private static partial void LogOpenOperatorRoutes(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No operator credential is configured ({Section}:ApiKeys, {Section}:Jwt): the query API, admin API, dashboard and OpenAPI document refuse everyone. Webhooks and health checks work")]
    private static partial void LogClosedOperatorRoutes(ILogger logger, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator routes need a credential: {ApiKeys} API key(s), JWT bearer {JwtConfigured}")]
    private static partial void LogOperatorAccess(ILogger logger, int apiKeys, bool jwtConfigured);
}
