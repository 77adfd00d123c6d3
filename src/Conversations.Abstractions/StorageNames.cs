namespace Conversations.Abstractions;

/// <summary>Names of the Orleans grain storage providers, defined once.</summary>
public static class StorageNames
{
    /// <summary>Lead snapshots (state derived from the timeline, persisted lazily).</summary>
    public const string LeadSnapshots = "leads";

    /// <summary>Campaigns' alarm states (which rate alarms stand, how often each was raised).</summary>
    public const string CampaignAlarms = "campaign-alarms";

    /// <summary>Orleans' stream subscription registry.</summary>
    public const string PubSub = "PubSubStore";
}
