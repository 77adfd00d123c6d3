using System.Threading.RateLimiting;
using Conversations.Host.Apis;
using Conversations.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// The limits <see cref="WebhookReceiver"/> applies to a request, and the problem it answers when one refuses it:
/// the client's failed-authentication budget, checked first and spent by each failure, the bytes unverified bodies
/// may hold, and the admission gate authentic deliveries pass before they are stored.
/// </summary>
public sealed partial class WebhookLimits(
    FailedAuthenticationBudget failures,
    UnverifiedBodyBytes unverifiedBodies,
    DeliveryAdmission admission,
    IOptions<DeliveryAdmissionOptions> admissionOptions,
    IOptions<IngestionOptions> ingestionOptions,
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

    /// <summary>Holds the bytes of a body that only its provider's verifier, once it is read, can show authentic.</summary>
    public UnverifiedBodyReservation ReserveUnverifiedBody(HttpContext context) => unverifiedBodies.Reserve(ClientAddress.Of(context));

    /// <summary>
    /// The answer to a body refused over the unverified-bytes bounds: 429 for an address over its share (which counts as a
    /// failed authentication), 503 when all unverified bodies hold too much. Held bytes are released within the body-read timeout.
    /// </summary>
    internal ProblemHttpResult RefuseUnverifiedBody(HttpContext context, BodyReadFailure failure)
    {
        var seconds = RateLimitRejection.SetRetryAfter(context.Response, ingestionOptions.Value.BodyReadTimeout);
        LogUnverifiedBodyRefused(logger, failure);
        if (failure == BodyReadFailure.AddressOverUnverifiedShare)
        {
            CountFailedAuthentication(context);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                type: ProblemTypes.RateLimited,
                title: "Too many requests",
                detail: $"This address is sending more unverified webhook bodies at once than {UnverifiedBodyOptions.SectionName}:MaxBytesPerAddress allows. Retry after {seconds} seconds.");
        }
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            type: ProblemTypes.Overloaded,
            title: "Over capacity",
            detail: $"More unverified webhook bodies are being received than {UnverifiedBodyOptions.SectionName}:MaxBytes allows. Retry after {seconds} seconds.");
    }

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused an unverified webhook body: {Failure}")]
    private static partial void LogUnverifiedBodyRefused(ILogger logger, BodyReadFailure failure);

    // Warning: an authentic delivery was refused, and some providers never retry.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Shed an authentic {Provider} delivery with 503: the admission queue is full or its wait ran out")]
    private static partial void LogOverloaded(ILogger logger, string provider);
}
