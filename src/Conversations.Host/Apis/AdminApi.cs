using System.Text.Json;
using Conversations.Host.Access;
using Conversations.Host.Replay;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Apis;

public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireOperatorAdmin();
        group.MapPost("/replay", ReplayAsync)
            .WithName("ReplayDeliveries")
            .WithSummary("Runs stored deliveries (filtered by provider and received-at range) through today's normalizers. Idempotent.")
            .WithDescription("Answers newline-delimited JSON: a progress line per page of deliveries, then a summary line; or, when it " +
                "fails midway, an error line with the counts so far, the lastDeliveryId up to which it is done and a detail. " +
                "Send a line's lastDeliveryId as `after` to resume after it. Needs the admin scope.")
            .Produces<ReplayProgress>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ReplayAsync(
        ReplayRequest request,
        HttpContext context,
        DeliveryReplayer replayer,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        if (request.From is { } from && request.To is { } to && from >= to)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidPayload,
                title: "Empty time range", detail: "'from' must be earlier than 'to'.");
        if (request.After is < 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidPayload,
                title: "Invalid resume point", detail: "'after' must be a lastDeliveryId of an earlier replay (0 or more).");

        context.Response.ContentType = "application/x-ndjson";
        await foreach (var line in replayer.ReplayAsync(request, cancellationToken))
        {
            await JsonSerializer.SerializeAsync(context.Response.Body, line, json.Value.SerializerOptions, cancellationToken);
            await context.Response.WriteAsync("\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
        return TypedResults.Empty;
    }
}
