using Conversations.Abstractions.Signals;

namespace Conversations.Host.Apis;

/// <summary>A lead's or a campaign's signals, in occurred-at order.</summary>
public sealed record SignalsResponse(IReadOnlyList<SignalResponse> Signals)
{
    public static SignalsResponse From(IEnumerable<Signal> signals) => new(signals.Select(SignalResponse.From).ToList());
}

/// <param name="Id">Deterministic (sg_…): the same signal found again has the same id; dedupe on it.</param>
/// <param name="Type">What it says, e.g. positive-reply, hot-lead, positive-linkedin-reply-after-email-open.</param>
/// <param name="LeadId">The lead it is about.</param>
/// <param name="CampaignKey">The campaign of its last piece of evidence, if any.</param>
/// <param name="Evidence">The ids of the events it rests on, in occurred-at order.</param>
/// <param name="OccurredAt">When what it says happened: its last piece of evidence, by the provider's clock.</param>
/// <param name="DetectedAt">When this service found it.</param>
public sealed record SignalResponse(
    string Id, string Type, string LeadId, string? CampaignKey, IReadOnlyList<string> Evidence, DateTimeOffset OccurredAt, DateTimeOffset DetectedAt)
{
    public static SignalResponse From(Signal signal) =>
        new(signal.Id, signal.Type, signal.LeadId, signal.CampaignKey, signal.Evidence, signal.OccurredAt, signal.DetectedAt);
}
