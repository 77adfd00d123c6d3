using System.Text.Json;
using Conversations.Host.Limits;
using Conversations.Host.Replay;
using Conversations.Ingestion.Authenticity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Apis;

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireRateLimiting(RateLimitPolicies.Operators);
        group.MapPost("/replay", ReplayAsync)
            .WithName("ReplayDeliveries")
            .WithSummary("Runs stored deliveries (filtered by provider and received-at range) through today's normalizers. Idempotent.")
            .WithDescription("Answers newline-delimited JSON: a progress line per page of deliveries, then a summary line. Requires the X-Api-Key header when Conversations:Admin:ApiKey is set.")
            .Produces<ReplayProgress>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return group;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReplayAsync(
        ReplayRequest request,
        HttpContext context,
        DeliveryReplayer replayer,
        IOptions<AdminOptions> admin,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (Refusal(context.Request, admin.Value) is { } refusal) return refusal;
        if (request.From is { } from && request.To is { } to && from >= to)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidPayload,
                title: "Empty time range", detail: "'from' must be earlier than 'to'.");

        context.Response.ContentType = "application/x-ndjson";
        await foreach (var line in replayer.ReplayAsync(request, cancellationToken))
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, line, json.Value.SerializerOptions, cancellationToken);
            await context.Response.WriteAsync("\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        return TypedResults.Empty;
    }

    private static ProblemHttpResult? Refusal(HttpRequest request, AdminOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return SecretComparer.AreEqual(request.Headers[AdminOptions.ApiKeyHeader].FirstOrDefault(), options.ApiKey)
                ? null
                : Unauthorized($"Send the operator key in the {AdminOptions.ApiKeyHeader} header.");
        }
        return options.AllowUnauthenticated
            ? null
            : Unauthorized($"No operator key is configured ({AdminOptions.SectionName}:ApiKey): admin endpoints are closed.");
    }

    private static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.NotAuthentic, title: "Not authorized", detail: detail);
}
