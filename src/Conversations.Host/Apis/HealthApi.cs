using Conversations.Abstractions.Timeline;
using Conversations.Host.Access;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Conversations.Host.Apis;

public static class HealthApi
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddConversationsHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: and its storage answers.</summary>
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health").AllowPublicAccess();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).WithTags("Health").AllowPublicAccess();
        return app;
    }

    private sealed class StorageHealthCheck(ITimelineStore timeline) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await timeline.FailureOfPingAsync(TimeSpan.FromSeconds(3), cancellationToken) is { } failure
                ? HealthCheckResult.Unhealthy("The timeline store does not answer.", failure)
                : HealthCheckResult.Healthy();
    }
}
