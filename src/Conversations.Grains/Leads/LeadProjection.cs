using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;

namespace Conversations.Grains.Leads;

/// <summary>How timeline entries change a <see cref="LeadSnapshot"/>. Pure; applying an entry twice is prevented by the caller (positions).</summary>
public static class LeadProjection
{
    public static void Apply(LeadSnapshot lead, TimelineEntry entry)
    {
        var @event = entry.Event;
        lead.Position = Math.Max(lead.Position, entry.Position);
        // What this service wrote about the lead (a merge) is in its timeline, but is nothing the person did.
        if (@event.Channel == Channel.System) return;
        lead.EventCount++;
        lead.Counts[@event.Kind] = lead.Counts.GetValueOrDefault(@event.Kind) + 1;

        AddIdentity(lead, @event.Lead);
        if (lead.FirstActivityAt is null || @event.OccurredAt < lead.FirstActivityAt) lead.FirstActivityAt = @event.OccurredAt;
        if (lead.LastActivityAt is null || @event.OccurredAt > lead.LastActivityAt) lead.LastActivityAt = @event.OccurredAt;

        var status = StatusReachedBy(@event);
        if (status > lead.Status) lead.Status = status;

        if (@event.Campaign is { } campaign) lead.Campaigns.Add(campaign.Key);

        if (@event.Sentiment is { } sentiment && (lead.LatestReplySentimentAt is null || @event.OccurredAt >= lead.LatestReplySentimentAt))
        {
            lead.LatestReplySentiment = sentiment;
            lead.LatestReplySentimentAt = @event.OccurredAt;
        }

        if (@event.MessageId is { } messageId && (@event.IsReply || @event.Kind == EventKind.ReplyClassified))
        {
            var facts = lead.Replies.TryGetValue(messageId, out var known) ? known : lead.Replies[messageId] = new ReplyFacts();
            if (@event.Campaign is not null)
            {
                facts.CampaignKey = @event.Campaign.Key;
                facts.CampaignName ??= @event.Campaign.Name;
            }
            if (@event.Sentiment is not null) facts.Sentiment = @event.Sentiment;
        }
    }

    public static LeadStatus StatusReachedBy(ConversationEvent @event) => @event.Kind switch
    {
        EventKind.Unsubscribed => LeadStatus.Unsubscribed,
        EventKind.Bounced => LeadStatus.Bounced,
        EventKind.ReplyClassified => LeadStatus.Replied,
        _ when @event.IsReply => LeadStatus.Replied,
        EventKind.Opened or EventKind.Clicked => LeadStatus.Engaged,
        EventKind.Sent or EventKind.Message => LeadStatus.Contacted,
        _ => LeadStatus.New,
    };

    public static LeadView ToView(string leadId, LeadSnapshot lead) => new()
    {
        Id = leadId,
        Emails = [.. lead.Emails],
        LinkedInPublicIds = [.. lead.LinkedInPublicIds],
        Phones = [.. lead.Phones],
        FirstName = lead.FirstName,
        LastName = lead.LastName,
        Company = lead.Company,
        Status = lead.Status,
        FirstActivityAt = lead.FirstActivityAt,
        LastActivityAt = lead.LastActivityAt,
        Counts = new Dictionary<EventKind, int>(lead.Counts),
        LatestReplySentiment = lead.LatestReplySentiment,
        EventCount = lead.EventCount,
        Campaigns = [.. lead.Campaigns],
    };

    private static void AddIdentity(LeadSnapshot lead, LeadIdentity identity)
    {
        if (identity.Email is { Length: > 0 } email) lead.Emails.Add(email);
        if (identity.LinkedInPublicId is { Length: > 0 } linkedIn) lead.LinkedInPublicIds.Add(linkedIn);
        if (identity.Phone is { Length: > 0 } phone) lead.Phones.Add(phone);
        lead.FirstName = identity.FirstName ?? lead.FirstName;
        lead.LastName = identity.LastName ?? lead.LastName;
        lead.Company = identity.Company ?? lead.Company;
    }
}
