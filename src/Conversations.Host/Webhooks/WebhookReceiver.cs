using Conversations.Abstractions;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Apis;
using Conversations.Host.Archive;
using Conversations.Ingestion;
using Conversations.Ingestion.Authenticity;
using Conversations.Storage.Archive;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// One delivery, start to finish: refuse an address that keeps failing authentication, route to its provider,
/// check media type, a token before the body and size, verify authenticity (before anything is parsed or stored),
/// normalize, wait for a storing slot, then store the raw delivery and append its events, and answer 200 only
/// when both are durable.
/// </summary>
public sealed partial class WebhookReceiver(
    WebhookProviders providers,
    LeadGrainAppender appender,
    IDeliveryArchive archive,
    WebhookLimits webhookLimits,
    IOptions<IngestionOptions> options,
    TimeProvider clock,
    ILogger<WebhookReceiver> logger)
{
    public async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider, string? urlToken, HttpRequest request, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        if (webhookLimits.RefuseFailingClient(context) is { } failing) return failing;
        if (!providers.TryGet(provider, out var receiver))
        {
            webhookLimits.CountFailedAuthentication(context);
            return Problem(StatusCodes.Status404NotFound, ProblemTypes.UnknownProvider, "Unknown provider",
                $"There is no webhook receiver for this provider. Known providers: {string.Join(", ", providers.Names.Order())}.");
        }
        if (!request.HasJsonContentType())
            return Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                "Webhook bodies must be JSON: send Content-Type: application/json.");

        // A token is checked before the body is read, so a caller without it cannot make the service hold a body. Only
        // a body that must be read to be verified (a signing provider's) holds unverified bytes.
        var verdictBeforeBody = receiver.VerifyBeforeBody(urlToken);
        if (verdictBeforeBody is { IsAuthentic: false })
        {
            UnreadBody.CloseConnectionAfterAnswer(context);
            return NotAuthentic(receiver.Name, verdictBeforeBody, context);
        }

        var limits = options.Value;
        using var unverified = verdictBeforeBody is null ? webhookLimits.ReserveUnverifiedBody(context) : null;
        var read = await RequestBodyReader.ReadAsync(request, limits.MaxBodyBytes, limits.BodyReadTimeout, clock, unverified, cancellationToken);
        if (read.Body is not { } body) return Unread(read.Failure, limits, context);

        var receivedAt = clock.GetUtcNow();
        var headers = RequestHeaders.Of(request);
        NormalizationResult result;
        // Verifier and normalizer share one parse of the body, released before storing starts.
        using (var delivery = new WebhookDelivery(body, headers, urlToken, receivedAt))
        {
            // A token provider's verdict was given before the body was read.
            var verdict = verdictBeforeBody ?? receiver.Verify(delivery);
            if (!verdict.IsAuthentic) return NotAuthentic(receiver.Name, verdict, context);
            result = receiver.Normalize(delivery);
        }
        unverified?.Dispose();
        if (result.Error is { } error) return Rejected(error);

        using var slot = await webhookLimits.AdmitAsync(cancellationToken);
        if (slot is null) return webhookLimits.Overloaded(context, receiver.Name);

        var raw = new RawDelivery(receiver.Name, receivedAt, request.ContentType!, ArchivedHeaders.From(headers),
            receiver.ArchivableBody(body), StableNames<WebhookOutcome>.Of(result.IsIgnored ? WebhookOutcome.Ignored : WebhookOutcome.Accepted));
        try
        {
            if (result.IgnoredReason is { } reason)
            {
                await archive.StoreAsync(raw, cancellationToken);
                LogIgnored(logger, receiver.Name, reason);
                return TypedResults.Ok(WebhookReceipt.Ignored(reason));
            }
            // The raw delivery is archived in the same transaction as its events: one commit, one fsync.
            var receipt = await appender.AppendAsync(result, raw);
            return TypedResults.Ok(result.RejectedEvents.Count == 0
                ? receipt
                : receipt with { Rejected = result.RejectedEvents.Select(e => e.Detail).ToList() });
        }
        catch (Exception exception) when (ExceptionChain.Of(exception).OfType<ValueRefusedByStoreException>().FirstOrDefault() is { } refusal)
        {
            LogStoreRefused(logger, receiver.Name, refusal.Message);
            return Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnstorableValue, "Value not storable", refusal.Message);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, exception, receiver.Name);
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.StorageUnavailable, "Not stored",
                "The delivery could not be stored durably; nothing was acknowledged. Retry the delivery.");
        }
    }

    private ProblemHttpResult NotAuthentic(string provider, VerificationResult verdict, HttpContext context)
    {
        webhookLimits.CountFailedAuthentication(context);
        LogRefused(logger, provider, verdict.Reason!);
        return Problem(StatusCodes.Status401Unauthorized, ProblemTypes.NotAuthentic, "Not authentic",
            $"The delivery was refused: {verdict.Reason}.");
    }

    private ProblemHttpResult Unread(BodyReadFailure failure, IngestionOptions limits, HttpContext context)
    {
        UnreadBody.CloseConnectionAfterAnswer(context);
        return failure switch
        {
            BodyReadFailure.AddressOverUnverifiedShare or BodyReadFailure.OverUnverifiedLimit => webhookLimits.RefuseUnverifiedBody(context, failure),
            BodyReadFailure.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge, "Body too large",
                $"The body is larger than the limit of {limits.MaxBodyBytes} bytes (Conversations:Ingestion:MaxBodyBytes)."),
            BodyReadFailure.TooSlow => Problem(StatusCodes.Status408RequestTimeout, ProblemTypes.BodyTooSlow, "Body too slow",
                $"The body did not arrive within {limits.BodyReadTimeoutSeconds} seconds (Conversations:Ingestion:BodyReadTimeoutSeconds) or arrived slower than the minimum data rate."),
            _ => Problem(StatusCodes.Status400BadRequest, ProblemTypes.IncompleteBody, "Incomplete body",
                "The body ended before its declared length or was malformed on the wire."),
        };
    }

    private static ProblemHttpResult Rejected(NormalizationError error) => error.Kind switch
    {
        NormalizationErrorKind.MalformedJson => Problem(StatusCodes.Status400BadRequest, ProblemTypes.MalformedJson, "Malformed JSON", error.Detail),
        NormalizationErrorKind.NoLeadIdentity => Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.NoLeadIdentity, "No lead identity", error.Detail),
        _ => Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidPayload, "Invalid payload", error.Detail),
    };

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Provider} delivery: {Reason}")]
    private static partial void LogRefused(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored and ignored a {Provider} delivery: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store refused a value of a {Provider} delivery; answered 422: {Reason}")]
    private static partial void LogStoreRefused(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a {Provider} delivery failed; answered 503")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string provider);
}
