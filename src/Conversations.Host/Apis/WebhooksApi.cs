using Conversations.Host.Webhooks;
using Conversations.Ingestion;
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
        group.MapPost("/{provider}", ReceiveAsync)
            .WithName("ReceiveWebhook")
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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return group;
    }

    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider,
        HttpRequest request,
        WebhookNormalizers normalizers,
        WebhookIngestor ingestor,
        IOptions<IngestionOptions> options,
        TimeProvider clock,
        ILogger<WebhookIngestor> logger,
        CancellationToken cancellationToken)
    {
        if (!normalizers.TryGet(provider, out var normalizer))
            return Problem(StatusCodes.Status404NotFound, ProblemTypes.UnknownProvider, "Unknown provider",
                $"No webhook receiver is configured for this provider. Known providers: {string.Join(", ", normalizers.Providers.Order())}.");
        if (!request.HasJsonContentType())
            return Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                "Webhook bodies must be JSON: send Content-Type: application/json.");

        var maxBytes = options.Value.MaxBodyBytes;
        var body = await RequestBodyReader.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge, "Body too large",
                $"The body is larger than the limit of {maxBytes} bytes (Conversations:Ingestion:MaxBodyBytes).");

        var result = normalizer.Normalize(body, clock.GetUtcNow());
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a {Provider} delivery: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a {Provider} delivery failed; answered 503")]
    private static partial void LogIngestFailed(ILogger logger, Exception exception, string provider);
}
