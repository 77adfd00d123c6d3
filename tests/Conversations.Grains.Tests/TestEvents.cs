using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Grains.Tests;

/// <summary>Builds canonical events for fresh, unique leads and campaigns.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(2));

    public static string NewEmail() => $"lead-{Guid.NewGuid():N}@example.test";

    public static string NewCampaignKey() => CampaignKey.For("salesforge", $"seq_{Guid.NewGuid():N}");

    public static string KeyOf(string email) => LeadKey.From(email, null, null)!;

    public static ConversationEvent Create(
        string email,
        EventKind kind,
        DateTimeOffset occurredAt,
        string? campaignKey = null,
        string? id = null,
        string? messageId = null,
        ReplySentiment? sentiment = null,
        Direction direction = Direction.None) => new()
    {
        EventId = id ?? $"test:{kind}:{Guid.NewGuid():N}",
        Kind = kind,
        Channel = Channel.Email,
        Provider = "salesforge",
        OccurredAt = occurredAt,
        ReceivedAt = DateTimeOffset.UtcNow,
        Lead = new LeadIdentity { Email = email, FirstName = "Test", LastName = "Lead", Company = "Example" },
        Campaign = campaignKey is null ? null : new CampaignRef(campaignKey, "Test campaign"),
        Direction = direction,
        MessageId = messageId,
        Sentiment = sentiment,
    };
}
