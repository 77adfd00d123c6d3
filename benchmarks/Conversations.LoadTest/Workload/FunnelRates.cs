namespace Conversations.LoadTest.Workload;

/// <summary>
/// How a lead responds to each email of its sequence. With these rates the new events come as
/// sent 4 : opened 3 : clicked 1 : replied 1, so with 10% redeliveries the requests are about
/// 40% sent, 30% opened, 10% clicked, 10% replied, 10% redelivered.
/// </summary>
internal static class FunnelRates
{
    /// <summary>Share of sent emails that are opened.</summary>
    public const double Open = 0.75;

    /// <summary>Share of opened emails whose link is clicked (a quarter of all sent).</summary>
    public const double ClickGivenOpen = 1.0 / 3;

    /// <summary>Share of opened emails that are answered (a quarter of all sent); a reply ends the sequence.</summary>
    public const double ReplyGivenOpen = 1.0 / 3;

    /// <summary>Emails in one sequence before it ends without a reply.</summary>
    public const int MaxSteps = 3;
}
