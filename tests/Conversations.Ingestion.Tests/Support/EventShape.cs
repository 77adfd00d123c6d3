using System.Globalization;
using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>
/// What a fixture test checks of an event, in a form whose equality is exact: the time is kept as its instant and
/// its offset, because <see cref="DateTimeOffset"/> equality ignores the offset. A failing comparison prints both
/// records, so the differing field is visible.
/// </summary>
internal sealed record EventShape
{
    public required EventKind Kind { get; init; }
    public required Channel Channel { get; init; }
    public required Direction Direction { get; init; }
    public required DateTime OccurredAtUtc { get; init; }
    public required TimeSpan Offset { get; init; }
    public required string LeadKey { get; init; }
    public string? LinkedInPublicId { get; init; }
    public string? Phone { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? ProviderLeadId { get; init; }
    public string? CampaignKey { get; init; }
    public string? CampaignName { get; init; }
    public string? MessageId { get; init; }
    public string? Subject { get; init; }
    public string? Text { get; init; }
    public ReplySentiment? Sentiment { get; init; }
    public string? Url { get; init; }

    /// <summary>The expected event; <paramref name="occurredAt"/> is ISO 8601 with an offset, as the fixture writes it.</summary>
    public static EventShape Create(EventKind kind, Channel channel, Direction direction, string occurredAt, string leadKey)
    {
        var time = DateTimeOffset.ParseExact(occurredAt, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        return new EventShape
        {
            Kind = kind,
            Channel = channel,
            Direction = direction,
            OccurredAtUtc = time.UtcDateTime,
            Offset = time.Offset,
            LeadKey = leadKey,
        };
    }

    /// <summary>The shape of each accepted event, in delivery order, with the key of the lead normalization filed it under.</summary>
    public static IReadOnlyList<EventShape> Of(NormalizationResult result)
    {
        var keys = new Dictionary<ConversationEvent, string>(ReferenceEqualityComparer.Instance);
        foreach (var lead in result.Leads)
        {
            foreach (var e in lead.Events) keys.TryAdd(e, lead.ArrivedAs);
        }
        return result.Events.Select(e => Of(e, keys.GetValueOrDefault(e, "(none)"))).ToList();
    }

    private static EventShape Of(ConversationEvent e, string leadKey) => new()
    {
        Kind = e.Kind,
        Channel = e.Channel,
        Direction = e.Direction,
        OccurredAtUtc = e.OccurredAt.UtcDateTime,
        Offset = e.OccurredAt.Offset,
        LeadKey = leadKey,
        LinkedInPublicId = e.Lead.LinkedInPublicId,
        Phone = e.Lead.Phone,
        FirstName = e.Lead.FirstName,
        LastName = e.Lead.LastName,
        Company = e.Lead.Company,
        ProviderLeadId = e.Lead.ProviderLeadId,
        CampaignKey = e.Campaign?.Key,
        CampaignName = e.Campaign?.Name,
        MessageId = e.MessageId,
        Subject = e.Subject,
        Text = e.Text,
        Sentiment = e.Sentiment,
        Url = e.Url,
    };
}
