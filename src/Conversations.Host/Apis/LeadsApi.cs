using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Host.Apis;

public static class LeadsApi
{
    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireOperatorRead();
        group.MapGet("/{leadKey}", GetLeadAsync)
            .WithName("GetLead")
            .WithSummary("A lead's identities, status, counts, and first and last activity. Keys look like email:bill@example.com, linkedin:alex-doe or salesiq:visitor:2638000000123.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{leadKey}/timeline", GetTimelineAsync)
            .WithName("GetLeadTimeline")
            .WithSummary("A page of the lead's events in occurred-at order (ties in arrival order).")
            .WithDescription($"Pages hold up to `limit` events ({TimelinePageLimits.Default} by default, at most {TimelinePageLimits.Max}). " +
                "Pass the answer's `nextCursor` as `cursor` to read the next page; it is null on the last page.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Ok<LeadView>, ProblemHttpResult>> GetLeadAsync(
        string leadKey, ITimelineStore timeline, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (LeadKey.Parse(leadKey) is not { } key) return InvalidKey(leadKey);
        // An unknown key costs one index lookup: asking its grain would activate it and read its log for nothing.
        if (!await timeline.ExistsAsync(key, cancellationToken)) return NotFound(key);
        return await grains.GetGrain<ILeadGrain>(key).GetAsync() is { } lead ? TypedResults.Ok(lead) : NotFound(key);
    }

    public static async Task<Results<Ok<TimelinePageResponse>, ValidationProblem, ProblemHttpResult>> GetTimelineAsync(
        string leadKey,
        [Description("Events per page (default 100)."), Range(1, TimelinePageLimits.Max)] int? limit,
        [Description("The nextCursor of the previous page; omit for the first page.")] string? cursor,
        ITimelineStore timeline,
        CancellationToken cancellationToken)
    {
        if (LeadKey.Parse(leadKey) is not { } key) return InvalidKey(leadKey);
        var pageSize = limit ?? TimelinePageLimits.Default;
        if (pageSize is < 1 or > TimelinePageLimits.Max)
            return InvalidParameter(nameof(limit), $"limit must be between 1 and {TimelinePageLimits.Max}.");
        TimelineCursor? after = null;
        if (cursor is not null)
        {
            if (!TimelineCursorText.TryDecode(cursor, out var decoded))
                return InvalidParameter(nameof(cursor), "cursor is not a nextCursor this service returned.");
            after = decoded;
        }

        // Straight from the store, not through the lead grain: the log holds only committed events, and a read
        // should neither activate the lead's grain nor queue behind its appends.
        var page = await timeline.ReadPageAsync(key, after, pageSize, cancellationToken);
        if (page.Entries.Count == 0 && (after is null || !await timeline.ExistsAsync(key, cancellationToken))) return NotFound(key);
        return TypedResults.Ok(TimelinePageResponse.From(key, page));
    }

    private static ProblemHttpResult InvalidKey(string leadKey) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidKey, title: "Not a lead key",
        detail: "A lead key is email:<address>, linkedin:<public id or profile URL>, phone:<E.164 number>, or a provider's id: " +
            "salesforge:contact:<id>, seleqt:lead:<id>, salesiq:visitor:<id>, breakcold:lead:<id>, chat:customer:<id>, generic:<source>:<id>.");

    private static ValidationProblem InvalidParameter(string parameter, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [parameter] = [message] },
        type: ProblemTypes.InvalidParameter, title: $"Invalid query parameter '{parameter}'", detail: message);

    private static ProblemHttpResult NotFound(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Lead not found",
        detail: $"No event has been recorded for lead '{key}'.");
}
