using static Conversations.Host.Tests.Identity.PersonPayloads;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Signals;

/// <summary>A delivery that stores one event and a <c>positive-reply</c> signal: a new person's positive LinkedIn reply (Seleqt).</summary>
public static class PositiveReplies
{
    public const string SignalType = "positive-reply";

    /// <returns>The lead the reply went to and the reply's event id, the signal's evidence.</returns>
    public static async Task<(string LeadId, string EventId)> DeliverAsync(HttpClient client)
    {
        using var content = SeleqtMessage(NewEmail(), NewLinkedInId(), Random.Shared.NextInt64(1_000_000, long.MaxValue), "Sounds good, let's talk on Thursday.");
        using var response = await client.PostAsync("/webhooks/seleqt", content);
        var receipt = await response.ReadJsonAsync();
        return (await response.ReadSingleLeadIdAsync(), Assert.Single(receipt.GetProperty("eventIds").EnumerateArray()).GetString()!);
    }
}
