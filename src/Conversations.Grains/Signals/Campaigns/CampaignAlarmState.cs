namespace Conversations.Grains.Signals.Campaigns;

/// <summary>Per alarm type of one campaign: how often it was raised, and whether it stands now.</summary>
[GenerateSerializer, Alias("conversations.CampaignAlarmState")]
public sealed class CampaignAlarmState
{
    /// <summary>How many times each alarm type was raised (its episodes); the latest stands while it is in <see cref="Raised"/>.</summary>
    [Id(0)] public Dictionary<string, int> Episodes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alarm types standing now: not raised again before they recover.</summary>
    [Id(1)] public SortedSet<string> Raised { get; set; } = new(StringComparer.Ordinal);
}
