using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;

namespace Conversations.Grains.Streams;

/// <summary>The Orleans stream ids of the names in <see cref="StreamNames"/>.</summary>
public static class StreamIds
{
    /// <summary>The stream of a lead's events: its partition of <see cref="StreamNames.EventsNamespace"/>.</summary>
    public static StreamId EventsOf(string leadId) => StreamId.Create(StreamNames.EventsNamespace, StreamNames.PartitionOf(leadId));

    public static StreamId EventsOfKind(EventKind kind) => StreamId.Create(StreamNames.EventsByKindNamespace, StableNames<EventKind>.Of(kind));

    public static StreamId EventsOfCampaign(string campaignKey) => StreamId.Create(StreamNames.EventsByCampaignNamespace, campaignKey);

    /// <summary>The streams an event is published on besides its lead's partition: its kind's, and its campaign's when it has one.</summary>
    public static IEnumerable<StreamId> ByKindAndCampaignOf(ConversationEvent @event)
    {
        yield return EventsOfKind(@event.Kind);
        if (@event.Campaign is { } campaign) yield return EventsOfCampaign(campaign.Key);
    }

    public static StreamId SignalsOfType(string type) => StreamId.Create(StreamNames.SignalsByTypeNamespace, type);

    public static StreamId SignalsOfCampaign(string campaignKey) => StreamId.Create(StreamNames.SignalsByCampaignNamespace, campaignKey);

    /// <summary>Every stream a signal is published on: its lead's partition, its type's, and its campaign's when it has one.</summary>
    public static IEnumerable<StreamId> Of(Signal signal)
    {
        yield return StreamId.Create(StreamNames.SignalsNamespace, StreamNames.PartitionOf(signal.LeadId));
        yield return SignalsOfType(signal.Type);
        if (signal.CampaignKey is { } campaignKey) yield return SignalsOfCampaign(campaignKey);
    }
}
