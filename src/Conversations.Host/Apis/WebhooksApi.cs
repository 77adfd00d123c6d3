using Conversations.Host.Webhooks;
using Conversations.Ingestion;
using Conversations.Ingestion.Authenticity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Conversations.Host.Apis;

public static partial class WebhooksApi
{
    public const string Route = "/webhooks/{provider}";

    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks");
        Configure(group.MapPost("/{provider}", ReceiveAsync).WithName("ReceiveWebhook"));
        Configure(group.MapPost("/{provider}/{token}", ReceiveWithTokenAsync).WithName("ReceiveWebhookWithToken")
            .WithDescription("The same receiver for providers that do not sign their deliveries: the secret token configured for the provider is part of the URL."));
        return group;
    }

    private static void Configure(RouteHandlerBuilder endpoint) =>
        endpoint
            .WithSummary("Receives a provider's webhook delivery; answers 200 once its events are durable.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Declared here rather than with Accepts(): Accepts makes routing answer 415 itself, without a problem detail.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The provider's webhook payload, exactly as the provider sends it.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() },
                };
                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();

    public static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveWithTokenAsync(
        string provider,
        string token,
        HttpRequest request,
        WebhookProviders providers,
        WebhookIngestor ingestor,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        ILogger<WebhookIngestor> logger,
        CancellationToken cancellationToken) =>
        ReceiveCoreAsync(provider, token, request, providers, ingestor, options, clock, logger, cancellationToken);

    public static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider,
        HttpRequest request,
        WebhookProviders providers,
        WebhookIngestor ingestor,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        ILogger<WebhookIngestor> logger,
        CancellationToken cancellationToken) =>
        ReceiveCoreAsync(provider, request.Query["token"].FirstOrDefault(), request, providers, ingestor, options, clock, logger, cancellationToken);

    private static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveCoreAsync(
        string provider,
        string? urlToken,
        HttpRequest request,
        WebhookProviders providers,
        WebhookIngestor ingestor,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        ILogger<WebhookIngestor> logger,
        CancellationToken cancellationToken)
    {
        if (!providers.TryGet(provider, out var receiver))
            return Problem(StatusCodes.Status404NotFound, ProblemTypes.UnknownProvider, "Unknown provider",
                $"There is no webhook receiver for this provider. Known providers: {string.Join(", ", providers.Names.Order())}.");
        if (!request.HasJsonContentType())
            return Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                "Webhook bodies must be JSON: send Content-Type: application/json.");

        var maxBytes = options.Value.MaxBodyBytes;
        var body = await RequestBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge, "Body too large",
                $"The body is larger than the limit of {maxBytes} bytes (Conversations:Ingestion:MaxBodyBytes).");

        var receivedAt = clock.GetUtcNow();
        var verdict = receiver.Verifier.Verify(new WebhookDelivery(body, RequestHeaders.Of(request), urlToken, receivedAt));
        if (!verdict.IsAuthentic)
        {
            LogRefused(logger, receiver.Name, verdict.Reason!);
            return Problem(StatusCodes.Status401Unauthorized, ProblemTypes.NotAuthentic, "Not authentic",
                $"The delivery was refused: {verdict.Reason}.");
        }

        var normalizer = receiver.Normalizer;
        var result = normalizer.Normalize(body, receivedAt);
        if (result.Error is { } error) return Rejected(error);
        if (result.IgnoredReason is { } reason)
        {
            LogIgnored(logger, normalizer.Provider, reason);
            return TypedResults.Ok(new WebhookReceipt("ignored", 0, 0, 0, [], [], reason));
        }

        try
        {
            return TypedResults.Ok(await ingestor.IngestAsync(result.Events));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogIngestFailed(logger, exception, normalizer.Provider);
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.StorageUnavailable, "Not stored",
                "The events could not be stored durably; nothing was acknowledged. Retry the delivery.");
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a {Provider} delivery: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a {Provider} delivery failed; answered 503")]
    private static partial void LogIngestFailed(ILogger logger, Exception exception, string provider);
}
