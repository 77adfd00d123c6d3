using System.Threading.RateLimiting;
using Conversations.Host.Apis;
using Conversations.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// The limits <see cref="WebhookReceiver"/> applies to a request, and the problem it answers when one refuses it:
/// the client's failed-authentication budget, checked first and spent by each failure, and the admission gate
/// authentic deliveries pass before they are stored.
/// </summary>
public sealed partial class WebhookLimits(
    FailedAuthenticationBudget failures,
    DeliveryAdmission admission,
    IOptions<DeliveryAdmissionOptions> admissionOptions,
    ILogger<WebhookLimits> logger)
{
    /// <summary>429 while the client's failed-authentication budget is spent, before anything of the request is read.</summary>
    public ProblemHttpResult? RefuseFailingClient(HttpContext context)
    {
        if (!failures.IsSpent(ClientAddress.Of(context), out var retryAfter)) return null;
        UnreadBody.CloseConnectionAfterAnswer(context);
        var seconds = RateLimitRejection.SetRetryAfter(context.Response, retryAfter);
        LogFailingClient(logger, seconds);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            type: ProblemTypes.RateLimited,
            title: "Too many requests",
            detail: "Webhook requests from this address failed authentication too often (Conversations:RateLimiting:FailedAuthentication). " +
                $"Retry after {seconds} seconds.");
    }

    /// <summary>Counts a webhook request refused as not authentic (or for an unknown provider) against its client's budget.</summary>
    public void CountFailedAuthentication(HttpContext context) => failures.Spend(ClientAddress.Of(context));

    /// <summary>A slot to store one authentic delivery in, held until disposed; null when the service is over capacity.</summary>
    public ValueTask<RateLimitLease?> AdmitAsync(CancellationToken cancellationToken) => admission.EnterAsync(cancellationToken);

    /// <summary>503 for an authentic delivery that found the admission queue full or waited too long.</summary>
    public ProblemHttpResult Overloaded(HttpContext context, string provider)
    {
        var settings = admissionOptions.Value;
        // By then every delivery now waiting has been stored or answered 503 itself.
        var seconds = RateLimitRejection.SetRetryAfter(context.Response, TimeSpan.FromSeconds(settings.MaxQueueWaitSeconds));
        LogOverloaded(logger, provider);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.Overloaded,
            title: "Over capacity",
            detail: $"{settings.MaxConcurrentDeliveries} deliveries are being stored and {settings.QueueLimit} more are waiting, or this one waited " +
                $"{settings.MaxQueueWaitSeconds} seconds ({DeliveryAdmissionOptions.SectionName}); nothing was stored. Retry after {seconds} seconds.");
    }

    // Debug: a forger is refused once per request. The address is not logged: it can be personal data.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a webhook request from an address over its failed-authentication budget; retry after {Seconds} s")]
    private static partial void LogFailingClient(ILogger logger, int seconds);

    // Warning: an authentic delivery was refused, and some providers never retry.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Shed an authentic {Provider} delivery with 503: the admission queue is full or its wait ran out")]
    private static partial void LogOverloaded(ILogger logger, string provider);
}
