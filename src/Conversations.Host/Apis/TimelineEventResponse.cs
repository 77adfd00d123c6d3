using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Apis;

/// <summary>One event of a lead's timeline, as <c>GET /api/leads/{lead}/timeline</c> returns it.</summary>
public sealed record TimelineEventResponse(
    string Id,
    long Position,
    EventKind Kind,
    Channel Channel,
    string Provider,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt,
    CampaignRef? Campaign,
    Direction Direction,
    string? MessageId,
    string? Subject,
    string? Text,
    ReplySentiment? Sentiment,
    string? Url)
{
    public static TimelineEventResponse From(TimelineEntry entry)
    {
        var e = entry.Event;
        return new(e.EventId, entry.Position, e.Kind, e.Channel, e.Provider, e.OccurredAt, e.ReceivedAt, e.Campaign,
            e.Direction, e.MessageId, e.Subject, e.Text, e.Sentiment, e.Url);
    }
}
