namespace Conversations.Grains.Signals;

/// <summary>A signal a rule found in a lead's timeline.</summary>
/// <param name="Type">One of <see cref="SignalTypes"/>.</param>
/// <param name="Anchor">What makes it this signal and no other: with the type and the lead, its id. A rule that fires once per lead uses <see cref="OncePerLead"/>.</param>
/// <param name="Evidence">The events it rests on, in occurred-at order.</param>
/// <param name="OccurredAt">When what it says happened (its last piece of evidence).</param>
/// <param name="CampaignKey">The campaign of that event, if any.</param>
public sealed record DetectedSignal(string Type, string Anchor, IReadOnlyList<string> Evidence, DateTimeOffset OccurredAt, string? CampaignKey)
{
    public const string OncePerLead = "lead";
}
