using System.Data.Common;
using System.Net.Sockets;
using Conversations.Abstractions.Timeline;
using Microsoft.AspNetCore.Diagnostics;

namespace Conversations.Host.Apis;

/// <summary>
/// A request that failed because the store cannot be reached (a read while PostgreSQL is down, say) answers
/// 503 with <c>Retry-After</c> and a <c>storage-unavailable</c> problem, as a webhook does, instead of a 500.
/// Whether the store is the cause is told by the exception, or else by asking the store: an error that is not
/// the store's still answers 500.
/// </summary>
internal sealed partial class StorageUnavailableHandler(
    ITimelineStore timeline, IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public const string RetryAfterSeconds = "5";
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException || !await IsStoreUnreachableAsync(exception, cancellationToken)) return false;

        LogUnavailable(logger, exception, context.Request.Method);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemTypes.StorageUnavailable,
                Title = "Storage unavailable",
                Detail = $"The store could not be reached. Retry in {RetryAfterSeconds} seconds.",
            },
        });
    }

    private async Task<bool> IsStoreUnreachableAsync(Exception exception, CancellationToken cancellationToken) =>
        ExceptionChain.Of(exception).Any(cause => cause is DbException or SocketException or TimeoutException)
        || (await timeline.FailureOfPingAsync(PingTimeout, cancellationToken) is not null && !cancellationToken.IsCancellationRequested);

    // The path is left out: it can hold a lead's address.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Method} request failed because the store cannot be reached; answered 503")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method);
}
