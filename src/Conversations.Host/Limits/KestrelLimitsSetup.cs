using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Limits;

/// <summary>Applies <see cref="HttpLimitsOptions"/> and the webhook body limit to Kestrel.</summary>
internal sealed class KestrelLimitsSetup(IOptions<HttpLimitsOptions> http, IOptions<IngestionOptions> ingestion)
    : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var limits = http.Value;
        options.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections;
        options.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds);
        options.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(limits.KeepAliveTimeoutSeconds);
        options.Limits.MinRequestBodyDataRate = new MinDataRate(
            limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(limits.MinRequestBodyGraceSeconds));
        options.Limits.MaxRequestBodySize = ingestion.Value.MaxBodyBytes;
    }
}
