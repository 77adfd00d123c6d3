namespace Conversations.Host.Replay;

/// <summary>
/// One line of a replay's answer (newline-delimited JSON): <c>progress</c> lines while it runs, then one
/// <c>summary</c>, or one <c>error</c> (with a <c>detail</c>) when it stopped midway. Counts are cumulative over
/// the deliveries up to <c>lastDeliveryId</c>, which is where a later replay can resume (<c>after</c>).
/// </summary>
public sealed record ReplayProgress(
    ReplayLineType Type,
    int Deliveries,
    int Events,
    int Applied,
    int Duplicates,
    int Ignored,
    int Rejected,
    long LastDeliveryId,
    string? Detail = null)
{
    /// <summary>Nothing done yet, resuming after the delivery <paramref name="lastDeliveryId"/> (0: from the start).</summary>
    public static ReplayProgress After(long lastDeliveryId) => new(ReplayLineType.Progress, 0, 0, 0, 0, 0, 0, lastDeliveryId);
}
