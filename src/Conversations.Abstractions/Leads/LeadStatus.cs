namespace Conversations.Abstractions.Leads;

/// <summary>
/// How far a lead has come. Ordered: a lead's status is the highest one any of its events reached, so the
/// status does not depend on the order events arrive in.
/// </summary>
[Alias("conversations.LeadStatus")]
public enum LeadStatus
{
    New,
    Contacted,
    Engaged,
    Replied,
    Bounced,
    Unsubscribed,
}
