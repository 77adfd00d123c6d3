namespace Conversations.Ingestion.Breakcold;

/// <summary>What a Breakcold event is about, which decides where its lead, time and details are read.</summary>
internal enum BreakcoldSubject
{
    /// <summary>The lead record itself (create, update, delete, status, list, tags, tracking): the payload is the lead.</summary>
    Lead,
    /// <summary>A task or note on a lead: the payload is the item, which carries its lead.</summary>
    LeadItem,
    /// <summary>A LinkedIn, Twitter or email message in a lead's conversation.</summary>
    Message,
    /// <summary>An email of a campaign sent to a lead, and what the lead did with it.</summary>
    CampaignEmail,
}
