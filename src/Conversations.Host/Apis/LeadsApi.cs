using Conversations.Abstractions.Leads;
using Conversations.Host.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Host.Apis;

public static class LeadsApi
{
    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireRateLimiting(RateLimitPolicies.Operators);
        group.MapGet("/{leadKey}", GetLeadAsync)
            .WithName("GetLead")
            .WithSummary("A lead's identities, status, counts, and first and last activity. Keys look like email:bill@example.com or linkedin:alex-doe.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{leadKey}/timeline", GetTimelineAsync)
            .WithName("GetLeadTimeline")
            .WithSummary("The lead's events in occurred-at order.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<LeadView>, ProblemHttpResult>> GetLeadAsync(string leadKey, IGrainFactory grains)
    {
        if (LeadKey.Parse(leadKey) is not { } key) return InvalidKey(leadKey);
        return await grains.GetGrain<ILeadGrain>(key).GetAsync() is { } lead ? TypedResults.Ok(lead) : NotFound(key);
    }

    public static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> GetTimelineAsync(string leadKey, IGrainFactory grains)
    {
        if (LeadKey.Parse(leadKey) is not { } key) return InvalidKey(leadKey);
        var entries = await grains.GetGrain<ILeadGrain>(key).GetTimelineAsync();
        if (entries.Count == 0) return NotFound(key);
        return TypedResults.Ok(new TimelineResponse(key, entries.Count, entries.Select(TimelineEventResponse.From).ToList()));
    }

    private static ProblemHttpResult InvalidKey(string leadKey) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidKey, title: "Not a lead key",
        detail: "A lead key is email:<address>, linkedin:<public id or profile URL> or phone:<E.164 number>.");

    private static ProblemHttpResult NotFound(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Lead not found",
        detail: $"No event has been recorded for lead '{key}'.");
}
