using System.Text.Json.Serialization;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Apis;

/// <summary>
/// One page of a lead's timeline, as <c>GET /api/leads/{lead}/timeline</c> returns it: <c>count</c> is the number
/// of events on this page, <c>nextCursor</c> the <c>cursor</c> for the next page (null on the last).
/// </summary>
public sealed record TimelinePageResponse(
    string LeadId,
    int Count,
    IReadOnlyList<TimelineEventResponse> Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor)
{
    public static TimelinePageResponse From(string leadId, TimelinePage page) => new(
        leadId,
        page.Entries.Count,
        page.Entries.Select(TimelineEventResponse.From).ToList(),
        page.Next is { } next ? TimelineCursorText.Encode(next) : null);
}
