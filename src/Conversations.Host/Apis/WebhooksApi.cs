using Conversations.Host.Access;
using Conversations.Host.Observability;
using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Conversations.Host.Apis;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").AllowPublicAccess();
        // One route: a token in the path (/webhooks/{provider}/{token}) or query is moved out of the request target
        // before routing, by WebhookTokenHttpContextFactory, so that it never shows in a route value or a log.
        group.MapPost("/{provider}", ReceiveAsync).WithName("ReceiveWebhook").AddEndpointFilter<WebhookMetricsFilter>()
            .WithDescription(
                "Providers that do not sign their deliveries (salesforge, seleqt, chat) authenticate with the secret token " +
                $"configured for them, given in the path (/webhooks/{{provider}}/{{token}}), in the query (?{WebhookTokens.QueryParameter}=), " +
                $"or in the {WebhookTokens.Header} header. The others authenticate with the signature or secret their provider sends.")
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
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return group;
    }

    public static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider, HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(provider, WebhookTokens.Of(request.HttpContext), request, cancellationToken);
}
