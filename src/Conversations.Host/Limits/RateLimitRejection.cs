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
        var seconds = SetRetryAfter(http.Response, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.Zero);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        Log(logger, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", seconds);
        await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                type: ProblemTypes.RateLimited,
                title: "Too many requests",
                detail: $"This client has used up its request budget (Conversations:RateLimiting). Retry after {seconds} seconds.")
            .ExecuteAsync(http);
    }

    /// <summary>Sets <c>Retry-After</c> to <paramref name="wait"/> in whole seconds, at least one, and returns them.</summary>
    public static int SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    // Debug: under a flood this would otherwise log once per refused request. The route pattern, not the path:
    // a path can hold a lead's address.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a request to {Route} over its rate limit; retry after {Seconds} s")]
    private static partial void Log(ILogger logger, string route, int seconds);
}
