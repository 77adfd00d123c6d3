using Conversations.Host.Access;
using Conversations.Host.Limits;
using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Conversations.Host.Apis;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").AllowPublicAccess().RequireRateLimiting(RateLimitPolicies.Webhooks);
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
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();

    public static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveWithTokenAsync(
        string provider, string token, HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(provider, token, request, cancellationToken);

    public static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider, HttpRequest request, WebhookReceiver receiver, CancellationToken cancellationToken) =>
        receiver.ReceiveAsync(provider, request.Query["token"].FirstOrDefault(), request, cancellationToken);
}
