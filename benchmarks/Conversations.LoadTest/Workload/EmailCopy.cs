namespace Conversations.LoadTest.Workload;

/// <summary>The subject and text of the benchmark's sequence emails and of the leads' replies.</summary>
internal static class EmailCopy
{
    private static readonly string[] Replies =
    [
        "Hi {0}, yes, Tuesday afternoon works for me.",
        "Thanks {0}, not a priority this quarter. Please check back in January.",
        "Hi {0}, could you send pricing for a team of 40 first?",
        "Please remove me from your list.",
        "Interesting. Who else in logistics uses this today?",
    ];

    public static string Subject(LeadProfile lead, int step) => step switch
    {
        1 => $"Idea for {lead.Company}",
        2 => $"Re: Idea for {lead.Company}",
        _ => $"Closing the loop, {lead.FirstName}",
    };

    public static string Text(LeadProfile lead, int step) => step switch
    {
        1 => $"Hi {lead.FirstName}, teams like {lead.Company} cut their quoting time in half with us. Would a short call next week make sense?",
        2 => $"Hi {lead.FirstName}, following up on my note about quoting time at {lead.Company}. Here is a two-minute case study.",
        _ => $"Hi {lead.FirstName}, I will not keep writing. If quoting speed becomes a topic at {lead.Company}, just reply to this email.",
    };

    public static string Reply(Campaign campaign, PlannedEvent planned) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Replies[(planned.Round + planned.Step) % Replies.Length], campaign.SenderFirstName);
}
