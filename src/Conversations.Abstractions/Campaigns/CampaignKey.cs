namespace Conversations.Abstractions.Campaigns;

/// <summary>A <c>CampaignGrain</c> key: <c>&lt;provider&gt;:&lt;the provider's campaign id&gt;</c>.</summary>
public static class CampaignKey
{
    public static string For(string provider, string campaignId) => $"{provider}:{campaignId.Trim()}";

    /// <summary>The provider part of a key, or null when the key has none.</summary>
    public static string? ProviderOf(string key)
    {
        var separator = key.IndexOf(':');
        return separator > 0 ? key[..separator] : null;
    }
}
