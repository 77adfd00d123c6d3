using System.Globalization;
using System.Threading.RateLimiting;
using Conversations.Host.Apis;
using Microsoft.AspNetCore.RateLimiting;

namespace Conversations.Host.Limits;

/// <summary>Answers a request over its budget: 429, <c>Retry-After</c> and a problem detail.</summary>
internal static partial class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        Log(logger, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", seconds);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                type: ProblemTypes.RateLimited,
                title: "Too many requests",
                detail: $"This client has used up its request budget (Conversations:RateLimiting). Retry after {seconds} seconds.")
            .ExecuteAsync(http);
    }

    // Debug: under a flood this would otherwise log once per refused request. The route pattern, not the path:
    // a path can hold a lead's address.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a request to {Route} over its rate limit; retry after {Seconds} s")]
    private static partial void Log(ILogger logger, string route, int seconds);
}
