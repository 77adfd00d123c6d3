using Orleans.Concurrency;

namespace Conversations.Abstractions.Campaigns;

/// <summary>
/// Watches one campaign's rates (bounces, unsubscribes) and raises a signal when one crosses its threshold; keyed by
/// <see cref="CampaignKey"/>. Lead grains tell it after committing an event that can raise a rate.
/// </summary>
[Alias("conversations.ICampaignAlarmGrain")]
public interface ICampaignAlarmGrain : IGrainWithStringKey
{
    /// <summary>Reads the campaign's funnel soon (triggers close together share one read) and raises or clears its alarms. One-way: the lead's append does not wait for it.</summary>
    [Alias("Check"), OneWay]
    Task CheckAsync(CampaignAlarmTrigger trigger);
}

/// <summary>The committed event that asked for a check: a signal it raises names that event as its evidence and its lead.</summary>
[GenerateSerializer, Immutable, Alias("conversations.CampaignAlarmTrigger")]
public sealed record CampaignAlarmTrigger(
    [property: Id(0)] string LeadId,
    [property: Id(1)] string EventId,
    [property: Id(2)] DateTimeOffset OccurredAt);
