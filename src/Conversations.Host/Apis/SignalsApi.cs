using Conversations.Abstractions.Signals;
using Conversations.Host.Access;
using Microsoft.AspNetCore.Mvc;

namespace Conversations.Host.Apis;

public static class SignalsApi
{
    private const int MaxTypes = 32;
    private const int MaxTypeLength = 100;

    public static RouteHandlerBuilder MapSignalsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/signals/stream", Stream)
            .WithTags("Signals")
            .RequireOperatorRead()
            .WithName("StreamSignals")
            .WithSummary("New signals as server-sent events (event 'signal', id: the signal's feed cursor), optionally of some types " +
                "(type=, repeatable) or about one campaign (campaign=). Resumes after the Last-Event-ID header (or after=) from the stored signals; " +
                "without one, starts at what is new. A comment line every 15 s of silence keeps proxies from closing it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    public static IResult Stream(
        [FromQuery(Name = "type")] string[]? types, [FromQuery] string? campaign, [FromQuery] string? after,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId)
    {
        var resumeAfter = lastEventId ?? after;
        SignalFeedCursor? cursor = null;
        if (resumeAfter is not null && !SignalFeedCursor.TryParse(resumeAfter, out cursor))
            return Invalid("Last-Event-ID", "The cursor to resume after is the id: of a received event, for example 0-42.");
        types ??= [];
        if (types.Length > MaxTypes || types.Any(type => string.IsNullOrWhiteSpace(type) || type.Length > MaxTypeLength))
            return Invalid("type", $"Name at most {MaxTypes} signal types, each 1 to {MaxTypeLength} characters, for example type=hot-lead.");
        string? campaignKey = null;
        if (campaign is not null && !CampaignsApi.TryParse(campaign, out campaignKey)) return Invalid("campaign", CampaignsApi.IdForm);
        return new SignalEventStream(cursor, new SignalFilter(types.Select(type => type.Trim()).ToHashSet(StringComparer.Ordinal), campaignKey));
    }

    private static IResult Invalid(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidParameter, title: $"Invalid {parameter}", detail: detail);
}
