using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Access;
using Conversations.Host.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversations.Host.Apis;

public static class LeadsApi
{
    public static RouteGroupBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("Leads").RequireOperatorRead();
        group.MapGet("/{lead}", GetLeadAsync)
            .WithName("GetLead")
            .WithSummary("A lead's id, aliases, identities, status, counts, and first and last activity.")
            .WithDescription("`lead` is the lead's id (ld_…) or any of its aliases: email:bill@example.com, linkedin:alex-doe, " +
                "phone:+31612345678, or a provider's id such as salesforge:contact:123 or salesiq:visitor:2638000000123.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{lead}/timeline", GetTimelineAsync)
            .WithName("GetLeadTimeline")
            .WithSummary("A page of the lead's events in occurred-at order (ties in arrival order).")
            .WithDescription($"Pages hold up to `limit` events ({TimelinePageLimits.Default} by default, at most {TimelinePageLimits.Max}). " +
                "Pass the answer's `nextCursor` as `cursor` to read the next page; it is null on the last page.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{lead}/signals", GetSignalsAsync)
            .WithName("GetLeadSignals")
            .WithSummary("The signals found in the lead's timeline (positive reply, hot lead, ...), in occurred-at order.")
            .WithDescription("Each names its evidence (event ids), when it happened (occurredAt, its last piece of evidence) and when " +
                "this service found it (detectedAt). Ids are deterministic: the same signal is never stored twice.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/api/leads").WithTags("Leads").RequireOperatorAdmin();
        admin.MapPost("/{lead}/unmerge", UnmergeAsync)
            .WithName("UnmergeLead")
            .WithSummary("Splits a merged lead back into the leads it was merged from. Needs the admin scope.")
            .WithDescription("`lead` is the merged lead's id, the id of a lead merged into it, or any of its aliases. Each lead gets " +
                "back the aliases and events it brought, and the events that arrived since under those aliases; funnel marks are " +
                "counted again for each; both timelines record it. The leads are not merged again by later events. " +
                "409 when no merge into the lead stands.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Results<Ok<UnmergeResponse>, ProblemHttpResult>> UnmergeAsync(
        string lead, LeadLocator locator, LeadUnmerger unmerger, ILeadDirectory directory, CancellationToken cancellationToken)
    {
        var located = await locator.FindAsync(lead, cancellationToken);
        if (!located.WellFormed) return InvalidKey();
        if (located.LeadId is not { } id) return NotFound();
        if (await unmerger.UnmergeAsync(id, cancellationToken) is not { } unmerge)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.NotMerged,
                title: "Lead was never merged", detail: "No other lead is merged into this lead, so there is nothing to split.");
        return TypedResults.Ok(new UnmergeResponse(
            new UnmergedLead(unmerge.SurvivorId, await directory.AliasesOfAsync(unmerge.SurvivorId, cancellationToken)),
            unmerge.Restored.Select(restored => new UnmergedLead(restored.LeadId, restored.Aliases)).ToList()));
    }

    public static async Task<Results<Ok<LeadView>, ProblemHttpResult>> GetLeadAsync(
        string lead, LeadLocator locator, ILeadDirectory directory, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // An unknown lead costs one index lookup: asking a grain would activate it and read its log for nothing.
        var located = await locator.FindAsync(lead, cancellationToken);
        if (!located.WellFormed) return InvalidKey();
        if (located.LeadId is not { } id) return NotFound();
        if (await grains.GetGrain<ILeadGrain>(id).GetAsync() is not { } view) return NotFound();
        return TypedResults.Ok(view with { Aliases = await directory.AliasesOfAsync(id, cancellationToken) });
    }

    public static async Task<Results<Ok<TimelinePageResponse>, ValidationProblem, ProblemHttpResult>> GetTimelineAsync(
        string lead,
        [Description("Events per page (default 100)."), Range(1, TimelinePageLimits.Max)] int? limit,
        [Description("The nextCursor of the previous page; omit for the first page.")] string? cursor,
        LeadLocator locator,
        ITimelineStore timeline,
        CancellationToken cancellationToken)
    {
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
        var located = await locator.FindAsync(lead, cancellationToken);
        if (!located.WellFormed) return InvalidKey();
        if (located.LeadId is not { } id) return NotFound();

        // Straight from the store, not through the lead grain: the log holds only committed events, and a read
        // should neither activate the lead's grain nor queue behind its appends.
        var page = await timeline.ReadPageAsync(id, after, pageSize, cancellationToken);
        return TypedResults.Ok(TimelinePageResponse.From(id, page));
    }

    public static async Task<Results<Ok<SignalsResponse>, ProblemHttpResult>> GetSignalsAsync(
        string lead, LeadLocator locator, ITimelineStore timeline, CancellationToken cancellationToken)
    {
        var located = await locator.FindAsync(lead, cancellationToken);
        if (!located.WellFormed) return InvalidKey();
        if (located.LeadId is not { } id) return NotFound();
        return TypedResults.Ok(SignalsResponse.From(await timeline.ReadLeadSignalsAsync(id, cancellationToken)));
    }

    private static ProblemHttpResult InvalidKey() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidKey, title: "Not a lead id or alias",
        detail: "A lead is named by its id (ld_ and 32 hex digits) or an alias: email:<address>, linkedin:<public id or profile URL>, " +
            "phone:<E.164 number>, or a provider's id such as salesforge:contact:<id>, seleqt:lead:<id>, breakcold:lead:<id>, " +
            "salesiq:visitor:<id>, chat:customer:<id> or generic:<source>:<id>.");

    private static ValidationProblem InvalidParameter(string parameter, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [parameter] = [message] },
        type: ProblemTypes.InvalidParameter, title: $"Invalid query parameter '{parameter}'", detail: message);

    // The text is not echoed: an alias is personal data, and problem details end up in logs.
    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Lead not found",
        detail: "No lead has that id or alias.");
}
