namespace Conversations.Grains.Signals;

/// <summary>What a reply means for the outreach that it answers.</summary>
public enum ReplyIntent
{
    /// <summary>No clear intent: a question, a referral, a thank-you.</summary>
    Neutral,

    /// <summary>Interested: wants a call, a demo, more information or a price.</summary>
    Positive,

    /// <summary>Declines: not interested, not now, the wrong person.</summary>
    Negative,

    /// <summary>Asks to be removed from the outreach.</summary>
    Unsubscribe,

    /// <summary>An automatic reply (out of office, left the company, ticket received): counts as a reply for nothing.</summary>
    OutOfOffice,
}
